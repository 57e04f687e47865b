#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

// Offset, 16 bytes in hex, the same bytes as ASCII — painted row by row for the visible rows
// only, so a few MiB scroll as fast as a few bytes (no QString of the whole dump).
class HexView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HexView)

public:
    static constexpr int BytesPerRow = 16;

    explicit HexView(QWidget *parent = nullptr);

    // `baseOffset`: the file offset of bytes[0] (shown in the offset column).
    void setData(const QByteArray &bytes, qint64 baseOffset = 0);
    void appendData(const QByteArray &bytes);
    const QByteArray &data() const { return m_bytes; }

    qint64 rowCount() const;
    // One row as painted: "00000010  68 65 6c 6c 6f 0a …  hello.…" (tests, copying).
    QString rowText(qint64 row) const;
    qint64 firstVisibleRow() const;
    void scrollToOffset(qint64 offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    QSize sizeHint() const override;

private:
    void updateScrollBars();
    int rowHeight() const;

    QByteArray m_bytes;
    qint64 m_base = 0;
};
