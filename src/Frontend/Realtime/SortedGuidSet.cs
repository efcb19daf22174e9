namespace Chat.Frontend.Realtime;

/// <summary>
/// A set of ids kept as one sorted array, a third of a <see cref="HashSet{T}"/>'s size (no hash
/// codes, links or buckets, no slack past 1/8). The Frontend keeps two per watching user, so
/// the size is most of its presence memory; inserts and removes move up to n ids, which is cheap
/// at the sizes of watch lists and watcher counts.
/// </summary>
public sealed class SortedGuidSet
{
    private Guid[] _items;

    public SortedGuidSet(int capacity = 1) => _items = new Guid[Math.Max(capacity, 1)];

    public int Count { get; private set; }

    public bool Add(Guid id)
    {
        var index = Array.BinarySearch(_items, 0, Count, id);
        if (index >= 0)
        {
            return false;
        }

        index = ~index;
        if (Count == _items.Length)
        {
            var grown = new Guid[Count + Math.Max(4, Count / 8)];
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

    public bool Remove(Guid id)
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

    public bool Contains(Guid id) => Array.BinarySearch(_items, 0, Count, id) >= 0;

    public Guid[] ToArray() => _items[..Count];

    public ReadOnlySpan<Guid> AsSpan() => _items.AsSpan(0, Count);
}
