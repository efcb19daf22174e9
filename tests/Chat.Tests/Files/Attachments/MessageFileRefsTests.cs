using Chat.Errors;
using Chat.Files.Attachments;

namespace Chat.Tests.Files.Attachments;

/// <summary>Which files a message names and which kinds each type takes (no cluster needed).</summary>
public sealed class MessageFileRefsTests
{
    [Fact]
    public void A_text_message_names_no_file_even_with_a_file_id_in_its_metadata() =>
        Assert.Empty(MessageFileRefs.Named("text", """{"fileId":"5b0e1f57-3a54-4a3e-9d1a-2f0e7b0c8b11"}"""));

    [Fact]
    public void An_album_names_its_items_in_order_and_a_file_named_twice_is_refused()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal([b, a], MessageFileRefs.Named("album", $$"""{"items":[{"fileId":"{{b}}"},{"fileId":"{{a}}"}]}"""));
        Assert.Equal(ErrorCodes.BadRequest, Assert.Throws<ChatException>(() =>
            MessageFileRefs.Named("album", $$"""{"items":[{"fileId":"{{a}}"},{"fileId":"{{a}}"}]}""")).Code);
    }

    [Fact]
    public void A_sticker_by_reference_names_no_file_and_one_by_upload_names_it()
    {
        var id = Guid.NewGuid();

        Assert.Empty(MessageFileRefs.Named("sticker", """{"ref":"pack/cat-3"}"""));
        Assert.Equal([id], MessageFileRefs.Named("gif", $$"""{"fileId":"{{id}}"}"""));
    }

    [Theory]
    [InlineData("image", "image", true)]
    [InlineData("image", "document", false)]
    [InlineData("video", "image", false)]
    [InlineData("voice", "audio", true)]
    [InlineData("audio", "video", false)]
    [InlineData("album", "video", true)]
    [InlineData("album", "audio", false)]
    [InlineData("document", "video", true)]
    [InlineData("sticker", "image", true)]
    public void Each_type_takes_the_kinds_that_fit_it(string type, string kind, bool fits) =>
        Assert.Equal(fits, MessageFileRefs.Fits(type, kind));
}
