namespace Chat.Frontend.Realtime;

/// <summary>Message requests on the hub, as <c>POST /api/conversations/{id}/request/{answer}</c>.</summary>
public sealed partial class ChatHub
{
    /// <summary>Accepts, ignores or blocks (and ignores) a message request: <c>accept</c>, <c>ignore</c> or <c>block</c>.</summary>
    public Task AnswerMessageRequest(Guid conversationId, string answer) =>
        Conversation(conversationId).AnswerRequestAsync(CurrentUserId, answer ?? "");
}
