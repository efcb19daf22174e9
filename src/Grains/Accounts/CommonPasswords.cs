namespace Chat.Accounts;

/// <summary>The shipped list of common passwords (<c>common-passwords.txt</c>), compared case-insensitively.</summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> Passwords = Load();

    public static bool Contains(string password) => Passwords.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Chat.Accounts.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
