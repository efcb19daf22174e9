using System.Net;
using System.Text.Json;
using Chat.Conversations;
using Chat.Tests.Conversations;
using Chat.Tests.Files.Attachments;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Files.Previews;

/// <summary>
/// The whole path a photo takes, as the issue asks it shown: uploaded and completed through the API,
/// processed by the silos' preview workers, sent in a message, and downloaded by the other member.
/// </summary>
[Collection(FilePreviewsCollection.Name)]
public sealed class SharedPhotoTests(FilePreviewsCluster cluster)
{
    private static readonly TimeSpan Processing = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_jpeg_with_gps_reaches_the_other_member_without_it_and_upright_while_the_owner_keeps_the_original()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await using var aliceDevice = await ChatConnection.ConnectAsync(cluster.First.Address, alice);
        await using var bobDevice = await ChatConnection.ConnectAsync(cluster.Second.Address, bob);
        var jpeg = await File.ReadAllBytesAsync(await cluster.Samples.JpegWithGpsAndOrientationAsync());
        Assert.NotEqual("", (await ExifToolAsync(jpeg, "-GPS:all")).Trim());

        var fileId = await UploadedFiles.UploadAsync(cluster.First.Http, alice, jpeg, "beach.jpg", "image/jpeg");
        await NextFileProcessedAsync(aliceDevice, fileId);
        var received = await SendImageAsync(aliceDevice, bobDevice, group, fileId);

        var described = received.MetadataJson is { } metadata ? JsonDocument.Parse(metadata).RootElement.GetProperty("files")[0] : default;
        Assert.Equal((fileId, "image"), (described.GetProperty("fileId").GetGuid(), described.GetProperty("kind").GetString()));
        Assert.Equal((400, 600), (described.GetProperty("media").GetProperty("width").GetInt32(), described.GetProperty("media").GetProperty("height").GetInt32()));

        var (status, bobsCopy) = await UploadedFiles.DownloadAsync(cluster.Second.Http, bob, fileId);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", (await ExifToolAsync(bobsCopy!, "-GPS:all")).Trim());
        var bobsPath = cluster.Samples.NewPath(".jpg");
        await File.WriteAllBytesAsync(bobsPath, bobsCopy!);
        MediaAssert.CarriesNoMetadata(bobsPath);
        MediaAssert.IsUprightRedOverBlue(bobsPath, 400, 600);

        var (ownerStatus, alicesCopy) = await UploadedFiles.DownloadAsync(cluster.First.Http, alice, fileId);
        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.Equal(jpeg, alicesCopy);
    }

    [Fact]
    public async Task A_png_without_metadata_reaches_the_other_member_byte_identical_and_a_stranger_gets_nothing()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        var stranger = await TestUser.RegisterAsync(cluster.First.Http);
        await using var aliceDevice = await ChatConnection.ConnectAsync(cluster.First.Address, alice);
        await using var bobDevice = await ChatConnection.ConnectAsync(cluster.Second.Address, bob);
        var png = await File.ReadAllBytesAsync(cluster.Samples.PngWithoutMetadata());

        var fileId = await UploadedFiles.UploadAsync(cluster.First.Http, alice, png, "chart.png", "image/png");
        await NextFileProcessedAsync(aliceDevice, fileId);
        await SendImageAsync(aliceDevice, bobDevice, group, fileId);

        var (status, bobsCopy) = await UploadedFiles.DownloadAsync(cluster.Second.Http, bob, fileId);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(png, bobsCopy);
        foreach (var path in new[] { $"/api/files/{fileId}", $"/api/files/{fileId}/thumbnail/320", $"/api/files/{fileId}/info" })
        {
            using var response = await cluster.First.Http.SendAsync(stranger.Request(HttpMethod.Get, path));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private async Task<(TestUser Alice, TestUser Bob, Guid Group)> GroupOfTwoAsync()
    {
        var alice = await TestUser.RegisterAsync(cluster.First.Http, displayName: "Alice");
        var bob = await TestUser.RegisterAsync(cluster.First.Http, displayName: "Bob");
        var group = await ConversationApi.CreateAsync(cluster.First.Http, alice, "group", "Photos", bob);
        return (alice, bob, group.ConversationId);
    }

    /// <summary>Alice sends the image; both her device and Bob's receive it, Bob's is returned.</summary>
    private static async Task<ChatMessage> SendImageAsync(ChatConnection sender, ChatConnection receiver, Guid conversationId, Guid fileId)
    {
        var ack = await sender.Hub.InvokeAsync<MessageAck>("SendMessage", new
        {
            conversationId, clientMessageId = Guid.NewGuid().ToString(), content = "", type = "image", metadata = new { fileId },
        });
        var received = await receiver.NextMessageAsync();
        Assert.Equal((conversationId, ack.Seq, "image"), (received.ConversationId, received.Seq, received.Type));
        return received;
    }

    private static async Task NextFileProcessedAsync(ChatConnection device, Guid fileId)
    {
        var processed = await device.NextEventAsync("FileProcessed", Processing);
        Assert.Equal((fileId, "ready"), (processed.GetProperty("fileId").GetGuid(), processed.GetProperty("status").GetString()));
    }

    private async Task<string> ExifToolAsync(byte[] image, string tags)
    {
        var path = cluster.Samples.NewPath(".jpg");
        await File.WriteAllBytesAsync(path, image);
        return await MediaSamples.RunAsync("exiftool", "-s3", tags, path);
    }
}
