using Chat.Conversations;
using Chat.Errors;

namespace Chat.Tests.Conversations;

public sealed class MessageRulesTests
{
    private const string FileId = "0b6f4c1e-8a51-4d8e-9a54-6f1c3d2b7a90";

    public static TheoryData<string, string?> Valid => new()
    {
        { "text", null },
        { "code", """{"language":"csharp"}""" },
        { "image", $$"""{"fileId":"{{FileId}}","width":640}""" },
        { "album", $$"""{"items":[{"fileId":"{{FileId}}"},{"fileId":"{{FileId}}"}]}""" },
        { "voice", $$"""{"fileId":"{{FileId}}","durationMs":3200}""" },
        { "document", $$"""{"fileId":"{{FileId}}","fileName":"report.pdf"}""" },
        { "location", """{"latitude":52.52,"longitude":13.405}""" },
        { "live_location", """{"latitude":-33.9,"longitude":151.2,"liveUntil":"2026-11-24T18:00:00Z"}""" },
        { "contact", """{"name":"Ada","phone":"+441234567890"}""" },
        { "poll", """{"question":"Lunch?","options":["yes","no"]}""" },
        { "sticker", """{"ref":"pack-1/wave"}""" },
    };

    public static TheoryData<string, string?> Invalid => new()
    {
        { "image", null },
        { "image", """{"fileId":"not-a-guid"}""" },
        { "album", $$"""{"items":[{"fileId":"{{FileId}}"}]}""" },
        { "voice", $$"""{"fileId":"{{FileId}}"}""" },
        { "document", $$"""{"fileId":"{{FileId}}"}""" },
        { "location", """{"latitude":91,"longitude":0}""" },
        { "location", """{"latitude":"52","longitude":13}""" },
        { "live_location", """{"latitude":1,"longitude":1}""" },
        { "contact", """{"name":"Ada"}""" },
        { "poll", """{"question":"Lunch?","options":["only one"]}""" },
        { "poll", """{"question":"Lunch?","options":["yes",""]}""" },
        { "gif", """{"url":"https://example.test/x.gif"}""" },
        { "text", """[1,2]""" },
        { "text", """{"broken":""" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Well_formed_metadata_is_accepted(string type, string? metadata) =>
        MessageRules.Validate(new MessageDraft(Guid.NewGuid(), "c", type, type is "text" or "code" ? "body" : "", null, metadata));

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Missing_or_malformed_metadata_is_a_bad_request(string type, string? metadata)
    {
        var error = Assert.Throws<ChatException>(() =>
            MessageRules.Validate(new MessageDraft(Guid.NewGuid(), "c", type, type is "text" ? "body" : "", null, metadata)));
        Assert.Equal(ErrorCodes.BadRequest, error.Code);
    }
}
