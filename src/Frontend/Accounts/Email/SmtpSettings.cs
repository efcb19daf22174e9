namespace Chat.Frontend.Accounts.Email;

/// <summary>The <c>Email:Smtp</c> section; setting <see cref="Host"/> switches mail from the folder sink to SMTP.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary><c>auto</c> (STARTTLS when offered), <c>starttls</c> (required), <c>ssl</c> (TLS from the start) or <c>none</c>.</summary>
    public string Security { get; set; } = "auto";
}
