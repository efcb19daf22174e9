namespace Chat.Frontend.Realtime;

/// <summary>
/// Small numbers for the user ids a Frontend holds in its watch sets: 4 bytes an entry instead of
/// 16. A number is held while its user is a key of either direction of <see cref="LocalWatchers"/>
/// and reused once released. Not thread-safe: <see cref="LocalWatchers"/> uses it under its lock.
/// </summary>
internal sealed class LocalUserNumbers
{
    private readonly Dictionary<Guid, int> _numbers = [];
    private readonly List<Guid> _ids = [];
    private readonly List<int> _holds = [];
    private readonly Stack<int> _released = [];

    public int Hold(Guid id)
    {
        if (_numbers.TryGetValue(id, out var number))
        {
            _holds[number]++;
            return number;
        }

        if (_released.TryPop(out number))
        {
            _ids[number] = id;
            _holds[number] = 1;
        }
        else
        {
            number = _ids.Count;
            _ids.Add(id);
            _holds.Add(1);
        }

        _numbers[id] = number;
        return number;
    }

    public void Release(int number)
    {
        if (--_holds[number] == 0)
        {
            _numbers.Remove(_ids[number]);
            _released.Push(number);
        }
    }

    public bool TryFind(Guid id, out int number) => _numbers.TryGetValue(id, out number);

    public Guid IdOf(int number) => _ids[number];

    public int Count => _numbers.Count;
}
