using System.ComponentModel.DataAnnotations;

namespace Chat.Hosting;

/// <summary>The <c>Redis</c> section: cluster membership and reminders.</summary>
public sealed class RedisSettings
{
    public const string Section = "Redis";

    [Required(ErrorMessage = "is missing")]
    public string ConnectionString { get; set; } = "";
}
