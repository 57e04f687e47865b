#include "image/layer/pathtable.h"

#include <cstring>

namespace image {

namespace {

qsizetype capacityFor(qsizetype expected)
{
    qsizetype capacity = 16;
    while (capacity < expected * 2)
        capacity *= 2;
    return capacity;
}

} // namespace

PathTable::PathTable(qsizetype expected)
    : m_slots(size_t(capacityFor(expected))), m_seed(QHashSeed::globalSeed())
{
}

qsizetype PathTable::findSlot(QByteArrayView key) const
{
    const size_t hash = hashOf(key);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.state == Empty)
            return -1;
        if (slot.state == Full && slot.hash == hash && slot.length == key.size()
            && (key.isEmpty() || std::memcmp(slot.data, key.data(), size_t(key.size())) == 0))
            return qsizetype(i);
    }
}

int PathTable::value(QByteArrayView key, int fallback) const
{
    const qsizetype slot = findSlot(key);
    return slot >= 0 ? m_slots[size_t(slot)].value : fallback;
}

void PathTable::insert(QByteArrayView key, int value)
{
    if ((m_used + 1) * 2 > qsizetype(m_slots.size()))
        grow();
    const size_t hash = hashOf(key);
    const size_t mask = m_slots.size() - 1;
    qsizetype reuse = -1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.state == Empty) {
            Slot &target = reuse >= 0 ? m_slots[size_t(reuse)] : slot;
            if (reuse < 0)
                ++m_used;
            target.data = key.data();
            target.length = qint32(key.size());
            target.hash = hash;
            target.value = value;
            target.state = Full;
            ++m_size;
            return;
        }
        if (slot.state == Deleted) {
            if (reuse < 0)
                reuse = qsizetype(i);
            continue;
        }
        if (slot.hash == hash && slot.length == key.size()
            && (key.isEmpty() || std::memcmp(slot.data, key.data(), size_t(key.size())) == 0)) {
            slot.value = value;
            return;
        }
    }
}

bool PathTable::remove(QByteArrayView key)
{
    const qsizetype slot = findSlot(key);
    if (slot < 0)
        return false;
    m_slots[size_t(slot)].state = Deleted;
    --m_size;
    return true;
}

void PathTable::clear()
{
    for (Slot &slot : m_slots)
        slot = Slot();
    m_size = 0;
    m_used = 0;
}

void PathTable::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    // Tombstones go away on rehash; the table doubles only when live entries need it.
    size_t capacity = old.size();
    if (size_t(m_size + 1) * 4 > capacity)
        capacity *= 2;
    m_slots.assign(capacity, Slot());
    m_size = 0;
    m_used = 0;
    const size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.state != Full)
            continue;
        size_t i = slot.hash & mask;
        while (m_slots[i].state != Empty)
            i = (i + 1) & mask;
        m_slots[i] = slot;
        ++m_size;
        ++m_used;
    }
}

} // namespace image
