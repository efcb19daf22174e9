using System.Text;
using Chat.Files;

namespace Chat.Tests.Files;

/// <summary>The sniffing table and the agreement rules, without storage.</summary>
public sealed class FileTypeRulesTests
{
    [Theory]
    [InlineData("photo.png", "image/png", "png", "image/png", "image")]
    [InlineData("photo.jpg", "image/jpeg", "png", "image/png", "image")]
    [InlineData("photo.bin", "application/octet-stream", "png", "image/png", "image")]
    [InlineData("drawing.svg", "image/svg+xml", "svg", "image/svg+xml", "document")]
    [InlineData("report.pdf", "application/pdf", "pdf", "application/pdf", "document")]
    [InlineData("notes.txt", "text/plain", "text", "text/plain", "document")]
    [InlineData("voice.webm", "audio/webm", "webm", "audio/webm", "audio")]
    [InlineData("clip.webm", "video/webm", "webm", "video/webm", "video")]
    [InlineData("page.html", "application/octet-stream", "html", "application/octet-stream", "document")]
    public void Accepted_files_are_served_as_what_their_bytes_are(string name, string declared, string sample, string contentType, string kind)
    {
        var verdict = FileTypeRules.Decide(declared, name, FileTypeSniffer.Sniff(Sample(sample)));

        Assert.Null(verdict.Refusal);
        Assert.Equal(contentType, verdict.ContentType);
        Assert.Equal(kind, verdict.Kind);
    }

    [Theory]
    [InlineData("x.png", "image/png", "svg")]
    [InlineData("x.png", "image/png", "html")]
    [InlineData("x.svg", "image/svg+xml", "html")]
    [InlineData("x.txt", "text/plain", "html")]
    [InlineData("cat.jpg", "image/jpeg", "exe")]
    [InlineData("cat.jpg", "application/octet-stream", "exe")]
    [InlineData("song.mp3", "application/pdf", "pdf")]
    [InlineData("clip.mp4", "video/mp4", "png")]
    [InlineData("x.pdf", "application/pdf", "text")]
    public void Bytes_that_disagree_with_the_declaration_are_refused(string name, string declared, string sample)
    {
        Assert.NotNull(FileTypeRules.Decide(declared, name, FileTypeSniffer.Sniff(Sample(sample))).Refusal);
    }

    [Fact]
    public void Html_after_whitespace_and_a_byte_order_mark_is_still_html()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF  \n\t<SCRIPT>alert(1)</SCRIPT>");

        Assert.Equal("text/html", FileTypeSniffer.Sniff(bytes).ContentType);
    }

    private static byte[] Sample(string kind) => kind switch
    {
        "png" => TestFiles.Png(4, 4),
        "svg" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        "pdf" => TestFiles.Pdf(),
        "text" => Encoding.UTF8.GetBytes("dear diary, été"),
        "webm" => [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81],
        "html" => TestFiles.Html(),
        "exe" => TestFiles.Executable(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
