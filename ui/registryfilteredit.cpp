#include "registryfilteredit.h"

#include "registryfilterproxy.h"

#include <QKeyEvent>
#include <QTimer>
#include <QTreeView>

RegistryFilterEdit::RegistryFilterEdit(RegistryFilterProxy *proxy, QTreeView *view, QWidget *parent)
    : QLineEdit(parent), m_proxy(proxy), m_view(view)
{
    setObjectName(QStringLiteral("registryFilter"));
    setPlaceholderText(tr("Filter repositories and tags"));
    setClearButtonEnabled(true);
    setToolTip(tr("Shows the registries, repositories and tags whose path contains the "
                  "text. Only what has been listed is searched."));

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &RegistryFilterEdit::applyNow);
    connect(this, &QLineEdit::textChanged, this, [this] { m_debounce->start(); });

    // Rows listed while a filter is set are opened in one pass after they settle.
    m_expand = new QTimer(this);
    m_expand->setSingleShot(true);
    m_expand->setInterval(DebounceMs);
    connect(m_expand, &QTimer::timeout, this, &RegistryFilterEdit::expandMatches);
    if (m_proxy) {
        connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
            if (m_proxy->isFiltering())
                m_expand->start();
        });
    }
}

RegistryFilterEdit::~RegistryFilterEdit() = default;

bool RegistryFilterEdit::isPending() const
{
    return m_debounce->isActive();
}

void RegistryFilterEdit::applyNow()
{
    m_debounce->stop();
    if (!m_proxy)
        return;
    m_proxy->setFilterText(text());
    expandMatches();
}

void RegistryFilterEdit::expandMatches()
{
    m_expand->stop();
    if (!m_proxy || !m_view || !m_proxy->isFiltering())
        return;
    const QModelIndexList indexes = m_proxy->indexesToExpand();
    for (const QModelIndex &index : indexes)
        m_view->expand(index);
    // Keep the current row in sight if it survived the filter.
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        m_view->scrollTo(current);
}

void RegistryFilterEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !text().isEmpty()) {
        clear();
        applyNow();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        applyNow();
        if (m_view)
            m_view->setFocus();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}
