using System.Collections.Frozen;
using System.Reflection;

namespace Chat.Frontend.Realtime;

/// <summary>Names a refused field of a hub invocation the way the method's parameters name it.</summary>
internal static class HubArgumentNames
{
    // A refusal inside an argument object has a path ("content"); a plain string argument has none,
    // so it is named after the method's one string parameter (every hub method has at most one).
    private static readonly FrozenDictionary<string, string> SingleStringParameter = typeof(ChatHub)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
        .Select(g => (g.Key, Names: g.SelectMany(m => m.GetParameters()).Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).Distinct().ToList()))
        .Where(m => m.Names.Count == 1)
        .ToFrozenDictionary(m => m.Key, m => m.Names[0], StringComparer.OrdinalIgnoreCase);

    public static string TextField(string target, string path) =>
        path.Length > 0 ? path
        : SingleStringParameter.TryGetValue(target, out var name) ? name
        : $"a text argument of '{target}'";
}
