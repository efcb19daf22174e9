namespace Chat.Frontend.Realtime;

/// <summary>
/// A set of ids kept as one sorted array: no hash codes, links or buckets, and no slack past 1/8,
/// a third of a <see cref="HashSet{T}"/>'s size. The Frontend keeps two per watching user, so
/// their size is most of its presence memory; inserts and removes move up to n ids, which is cheap
/// at the sizes of watch lists and watcher counts.
/// </summary>
public sealed class SortedIdSet<T>
    where T : struct, IComparable<T>
{
    private T[] _items;

    public SortedIdSet(int capacity = 1) => _items = new T[Math.Max(capacity, 1)];

    public int Count { get; private set; }

    public bool Add(T id)
    {
        var index = Array.BinarySearch(_items, 0, Count, id);
        if (index >= 0)
        {
            return false;
        }

        index = ~index;
        if (Count == _items.Length)
        {
            var grown = new T[Count + Math.Max(4, Count / 8)];
            Array.Copy(_items, grown, index);
            Array.Copy(_items, index, grown, index + 1, Count - index);
            _items = grown;
        }
        else
        {
            Array.Copy(_items, index, _items, index + 1, Count - index);
        }

        _items[index] = id;
        Count++;
        return true;
    }

    public bool Remove(T id)
    {
        var index = Array.BinarySearch(_items, 0, Count, id);
        if (index < 0)
        {
            return false;
        }

        Count--;
        Array.Copy(_items, index + 1, _items, index, Count - index);
        _items[Count] = default;
        return true;
    }

    public bool Contains(T id) => Array.BinarySearch(_items, 0, Count, id) >= 0;

    public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);
}
