using System.Threading.Channels;

namespace Chat.Frontend.Accounts.Email;

/// <summary>
/// Sends queued emails in the background, so a request never waits on (or reveals by its timing)
/// the mail server. Bounded: when full, new mail is dropped and logged. Mail still queued at
/// shutdown is lost; its tokens expire unused and the user can ask again.
/// </summary>
public sealed partial class EmailOutbox(IEmailSender sender, ILogger<EmailOutbox> logger) : BackgroundService
{
    private const int Capacity = 1_000;
    private const int Attempts = 3;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<EmailMessage> _queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(EmailMessage message)
    {
        if (!_queue.Writer.TryWrite(message))
        {
            LogDropped(logger, message.Kind, message.UserId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await DeliverAsync(message, stoppingToken);
        }
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
                LogSent(logger, message.Kind, message.UserId);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSendFailed(logger, ex, message.Kind, message.UserId, attempt);
                if (attempt < Attempts)
                {
                    await Task.Delay(FirstRetryDelay * attempt, stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email for user {UserId}")]
    private static partial void LogSent(ILogger logger, string kind, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Kind} email for user {UserId} failed (attempt {Attempt})")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string kind, Guid userId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email outbox full: dropped {Kind} email for user {UserId}")]
    private static partial void LogDropped(ILogger logger, string kind, Guid userId);
}
