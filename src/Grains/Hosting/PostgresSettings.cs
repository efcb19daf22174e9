using System.ComponentModel.DataAnnotations;

namespace Chat.Hosting;

/// <summary>The <c>Postgres</c> section: where grain state, messages and accounts live.</summary>
public sealed class PostgresSettings
{
    public const string Section = "Postgres";

    [Required(ErrorMessage = "is missing")]
    public string ConnectionString { get; set; } = "";
}
