using System.Text;
using Chat.Errors;
using Npgsql;

namespace Chat.Storage;

/// <summary>
/// Tells a row the database refuses (bad data: retrying it fails again, and it must not fail the
/// rows written with it) from an outage (retrying later may work).
/// </summary>
internal static class RowRefusal
{
    public static bool IsRefusal(Exception exception) => exception switch
    {
        // Class 22 is "data exception" (NUL in text or jsonb, untranslatable characters, values out
        // of range), class 23 an integrity constraint (a CHECK the row breaks).
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("23", StringComparison.Ordinal),

        // Npgsql could not encode a value (an unpaired surrogate has no UTF-8 form).
        EncoderFallbackException or ArgumentException => true,
        NpgsqlException { InnerException: { } inner } => IsRefusal(inner),
        _ => false,
    };

    public static ChatException ToChatException() =>
        ChatException.BadRequest("the message could not be stored: it contains text or data the database refuses");
}
