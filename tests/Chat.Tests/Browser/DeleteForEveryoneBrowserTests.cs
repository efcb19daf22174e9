using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Conversations;
using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Delete for everyone asks first, in an accessible dialog; only a yes deletes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeleteForEveryoneBrowserTests(BrowserFixture fixture)
{
    private const string Text = "Meant for the other chat.";

    [Fact]
    public async Task Delete_for_everyone_asks_first_Escape_and_Cancel_keep_the_message_and_Confirm_deletes_it()
    {
        var aliceUser = await TestUser.RegisterAsync(fixture.First.Http);
        var bobUser = await TestUser.RegisterAsync(fixture.First.Http);
        var conversation = await ConversationApi.CreateAsync(fixture.First.Http, aliceUser, "direct", null, bobUser);
        var id = conversation.ConversationId.ToString();
        var alice = new ChatPage(await fixture.NewPageAsync(fixture.First), "alice");
        try
        {
            await ChatPage.RunAsync([alice], async () =>
            {
                await alice.LogInAsync(aliceUser.Username, aliceUser.Username);
                await alice.ConversationItem(id).ClickAsync();
                await alice.SendAsync(Text);
                await Expect(alice.Message(Text)).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(sent|delivered|read)$"));

                // The dialog opens with focus on Cancel; Tab stays inside it; Escape cancels and focus returns to the menu button.
                await alice.MessageActionAsync(Text, "action-delete-all");
                var dialog = alice.Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Delete for everyone?" });
                await Expect(dialog).ToBeVisibleAsync();
                await Expect(alice.ByTestId("confirm-cancel")).ToBeFocusedAsync();
                await alice.Page.Keyboard.PressAsync("Tab");
                await Expect(alice.ByTestId("confirm-ok")).ToBeFocusedAsync();
                await alice.Page.Keyboard.PressAsync("Tab");
                await Expect(alice.ByTestId("confirm-cancel")).ToBeFocusedAsync();
                await alice.Page.Keyboard.PressAsync("Escape");
                await Expect(dialog).ToHaveCountAsync(0);
                await Expect(alice.Message(Text).GetByTestId("message-actions")).ToBeFocusedAsync();

                // Cancel keeps it too, on the page and on the server.
                await alice.MessageActionAsync(Text, "action-delete-all");
                await alice.ByTestId("confirm-cancel").ClickAsync();
                await Expect(dialog).ToHaveCountAsync(0);
                await Expect(alice.Message(Text)).ToBeVisibleAsync();
                await Expect(alice.Message(Text)).Not.ToHaveAttributeAsync("data-deleted", "true");
                Assert.False(await DeletedOnServerAsync(bobUser, id));

                // Confirm deletes it for everyone.
                await alice.MessageActionAsync(Text, "action-delete-all");
                await alice.ByTestId("confirm-ok").ClickAsync();
                await Expect(alice.Messages.First).ToHaveAttributeAsync("data-deleted", "true");
                await Expect(alice.Message(Text)).ToHaveCountAsync(0);
                Assert.True(await DeletedOnServerAsync(bobUser, id));
            });
        }
        finally
        {
            await fixture.CloseContextsAsync(alice.Page);
        }
    }

    /// <summary>Whether the conversation's first message is deleted, as the other member's history has it.</summary>
    private async Task<bool> DeletedOnServerAsync(TestUser reader, string conversationId)
    {
        var response = await fixture.First.Http.SendAsync(reader.Request(HttpMethod.Get, $"/api/conversations/{conversationId}/messages"));
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var first = page.GetProperty("messages")[0];
        return first.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True;
    }
}
