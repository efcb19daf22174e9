using Chat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Calls end to end: two people in real browsers (fake camera and microphone) call each other over
/// the grid's signaling, WebRTC connects peer to peer or through the local coturn, and a reload
/// mid-call rejoins and reconnects.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Connect = new() { Timeout = 20_000 };

    /// <summary>The pages this test opened (xUnit makes an instance per test), closed when it ends.</summary>
    private readonly List<IPage> _pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.CloseContextsAsync([.. _pages]);

    [Fact]
    public async Task Alice_video_calls_Bob_who_accepts_and_both_see_each_other()
    {
        var (alice, bob) = await TwoPeopleInADirectChatAsync(relay: false);
        await ChatPage.RunAsync([alice, bob], async () =>
        {
            await StartAndAcceptAsync(alice, bob);
            await ExpectMediaFlowsAsync(alice);
            await ExpectMediaFlowsAsync(bob);

            // Bob hangs up: the direct call ends for both.
            await bob.ByTestId("call-hangup").ClickAsync();
            await Expect(bob.ByTestId("call-view")).ToHaveCountAsync(0);
            await Expect(alice.ByTestId("call-view")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task A_call_forced_through_TURN_relays_and_survives_a_reload()
    {
        var (alice, bob) = await TwoPeopleInADirectChatAsync(relay: true);
        await ChatPage.RunAsync([alice, bob], async () =>
        {
            await StartAndAcceptAsync(alice, bob);
            await ExpectMediaFlowsAsync(alice);
            await ExpectMediaFlowsAsync(bob);
            Assert.Equal("relay", await SelectedCandidateTypeAsync(alice));
            Assert.Equal("relay", await SelectedCandidateTypeAsync(bob));

            // Bob reloads mid-call: the page warns first (accepted here), then rejoins and offers again;
            // Alice replaces her peer connection with a new one, and both connect again.
            await alice.Page.EvaluateAsync("() => { window.previousPeer = [...window.chatGridPeers.values()][0]; }");
            var warned = false;
            bob.Page.Dialog += async (_, dialog) =>
            {
                warned |= dialog.Type == DialogType.BeforeUnload;
                await dialog.AcceptAsync();
            };
            await bob.Page.ReloadAsync();
            Assert.True(warned, "no beforeunload warning during the call");
            await Expect(bob.ByTestId("call-view")).ToBeVisibleAsync();
            await Expect(bob.ByTestId("call-remote-video")).ToHaveAttributeAsync("data-connection-state", "connected", Connect);
            await alice.Page.WaitForFunctionAsync(
                "() => { const pc = window.chatGridPeers && [...window.chatGridPeers.values()][0]; return pc && pc !== window.previousPeer && pc.connectionState === 'connected'; }",
                null,
                new PageWaitForFunctionOptions { Timeout = 20_000 });
            await Expect(alice.ByTestId("call-remote-video")).ToHaveAttributeAsync("data-connection-state", "connected", Connect);
            await ExpectMediaFlowsAsync(alice);
            await ExpectMediaFlowsAsync(bob);
            Assert.Equal("relay", await SelectedCandidateTypeAsync(bob));

            await alice.ByTestId("call-hangup").ClickAsync();
            await Expect(bob.ByTestId("call-view")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task A_call_shares_the_screen_and_back_and_minimises_to_a_picture_in_picture_that_moves_and_restores()
    {
        var (alice, bob) = await TwoPeopleInADirectChatAsync(relay: false);
        await ChatPage.RunAsync([alice, bob], async () =>
        {
            await StartAndAcceptAsync(alice, bob);

            // Sharing swaps the screen in for the camera on the same sender; Bob keeps receiving video.
            await alice.ByTestId("call-screen-share").ClickAsync();
            await Expect(alice.ByTestId("call-screen-share")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(alice.ByTestId("call-screen-preview")).ToBeVisibleAsync();
            Assert.True(await SendsTrackOfAsync(alice, "call-screen-preview"), "the screen is not what Alice sends");
            await ExpectMediaFlowsAsync(bob);
            await Expect(bob.ByTestId("call-remote-sharing")).ToBeVisibleAsync();
            await alice.ByTestId("call-screen-share").ClickAsync();
            await Expect(alice.ByTestId("call-screen-share")).ToHaveAttributeAsync("aria-pressed", "false");
            await Expect(alice.ByTestId("call-screen-preview")).ToHaveCountAsync(0);
            Assert.True(await SendsTrackOfAsync(alice, "call-local-video"), "the camera is not back");
            await Expect(bob.ByTestId("call-remote-sharing")).ToHaveCountAsync(0);

            // Minimised: a widget in the bottom-right corner with focus; the chat beneath works.
            var view = alice.ByTestId("call-view");
            await alice.ByTestId("call-minimize").ClickAsync();
            await Expect(view).ToHaveAttributeAsync("data-minimized", "true");
            await Expect(view).ToBeFocusedAsync();
            const string text = "Typing while we talk.";
            await alice.SendAsync(text);
            await Expect(alice.Message(text)).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(sent|delivered|read)$"));
            var start = (await view.BoundingBoxAsync())!;
            AssertNear(1280 - 8, start.X + start.Width);
            AssertNear(800 - 8, start.Y + start.Height);

            // Arrow keys move it 16 px a step, Shift 64 px, while it has focus.
            await view.FocusAsync();
            await alice.Page.Keyboard.PressAsync("ArrowLeft");
            await alice.Page.Keyboard.PressAsync("ArrowLeft");
            await alice.Page.Keyboard.PressAsync("Shift+ArrowUp");
            var moved = (await view.BoundingBoxAsync())!;
            AssertNear(start.X - 32, moved.X);
            AssertNear(start.Y - 64, moved.Y);
            // Keys cannot push it out of the viewport.
            await alice.Page.Keyboard.PressAsync("Shift+ArrowRight");
            AssertNear(start.X, (await view.BoundingBoxAsync())!.X);

            // Dragged past the top-left corner by the pointer, it stops at the edge.
            await alice.Page.Mouse.MoveAsync(moved.X + 40, moved.Y + 30);
            await alice.Page.Mouse.DownAsync();
            await alice.Page.Mouse.MoveAsync(400, 300, new() { Steps = 4 });
            await alice.Page.Mouse.MoveAsync(1, 1, new() { Steps = 4 });
            await alice.Page.Mouse.UpAsync();
            var dragged = (await view.BoundingBoxAsync())!;
            AssertNear(8, dragged.X);
            AssertNear(8, dragged.Y);
            await alice.ScreenshotAsync("call-minimised.png");

            // Restored to full screen, with focus back on Minimise; media still flows.
            await alice.ByTestId("call-restore").ClickAsync();
            await Expect(view).ToHaveAttributeAsync("data-minimized", "false");
            await Expect(alice.ByTestId("call-minimize")).ToBeFocusedAsync();
            await ExpectMediaFlowsAsync(alice);
            await alice.ByTestId("call-hangup").ClickAsync();
            await Expect(bob.ByTestId("call-view")).ToHaveCountAsync(0);
        });
    }

    /// <summary>Layout positions are fractional; a pixel either way is the same place.</summary>
    private static void AssertNear(double expected, double actual) => Assert.InRange(actual, expected - 1, expected + 1);

    /// <summary>
    /// The video Alice sends to her peer becomes, within 5 s, the track shown by the video element
    /// with this test id. The swap (<c>replaceTrack</c>) resolves after the button and preview change.
    /// </summary>
    private static async Task<bool> SendsTrackOfAsync(ChatPage page, string videoTestId)
    {
        try
        {
            await page.Page.WaitForFunctionAsync(
                """
                (testId) => {
                  const pc = [...window.chatGridPeers.values()][0];
                  const sent = pc.getSenders().find(s => s.track && s.track.kind === 'video')?.track;
                  const shown = document.querySelector(`[data-testid=${testId}]`)?.srcObject?.getVideoTracks()[0];
                  return Boolean(sent && shown && sent.id === shown.id);
                }
                """,
                videoTestId,
                new() { Timeout = 5_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<(ChatPage Alice, ChatPage Bob)> TwoPeopleInADirectChatAsync(bool relay)
    {
        var alice = new ChatPage(await NewCallPageAsync(fixture.First), "alice");
        var bob = new ChatPage(await NewCallPageAsync(fixture.Second), "bob");
        var aliceUsername = ChatPage.NewUsername("alice");
        var bobUsername = ChatPage.NewUsername("bob");
        await Task.WhenAll(alice.SignUpAsync(aliceUsername, "Alice"), bob.SignUpAsync(bobUsername, "Bob"));
        if (relay)
        {
            foreach (var page in new[] { alice, bob })
            {
                await page.Page.EvaluateAsync("() => localStorage.setItem('chatgrid.iceRelay', '1')");
            }
        }

        await alice.StartDirectChatAsync(bobUsername, "Bob");
        return (alice, bob);
    }

    private static async Task StartAndAcceptAsync(ChatPage alice, ChatPage bob)
    {
        await alice.ByTestId("call-start-video").ClickAsync();
        await Expect(alice.ByTestId("call-view")).ToBeVisibleAsync();
        await Expect(bob.ByTestId("call-incoming")).ToBeVisibleAsync();
        await bob.ByTestId("call-accept").ClickAsync();
        await Expect(bob.ByTestId("call-incoming")).ToHaveCountAsync(0);
        await Expect(alice.ByTestId("call-remote-video")).ToHaveAttributeAsync("data-connection-state", "connected", Connect);
        await Expect(bob.ByTestId("call-remote-video")).ToHaveAttributeAsync("data-connection-state", "connected", Connect);
    }

    /// <summary>The remote video shows frames and the peer connection receives bytes.</summary>
    private static async Task ExpectMediaFlowsAsync(ChatPage page)
    {
        await page.Page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('[data-testid=call-remote-video]'); return v && v.videoWidth > 0; }",
            null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var bytes = await page.Page.EvaluateAsync<double>(
                """
                async () => {
                  const pc = [...window.chatGridPeers.values()][0];
                  let bytes = 0;
                  (await pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp') bytes += s.bytesReceived || 0; });
                  return bytes;
                }
                """);
            if (bytes > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{page.Name} received no media");
            await Task.Delay(250);
        }
    }

    /// <summary>The candidate type of the local side of the selected (succeeded) candidate pair.</summary>
    private static Task<string?> SelectedCandidateTypeAsync(ChatPage page) =>
        page.Page.EvaluateAsync<string?>(
            """
            async () => {
              // Right after a (re)connect the stats may not name the selected pair yet: ask again for up to 10 s.
              for (let attempt = 0; attempt < 50; attempt++) {
                const pc = [...window.chatGridPeers.values()][0];
                const stats = await pc.getStats();
                let pair = null;
                stats.forEach(s => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId); });
                if (!pair) stats.forEach(s => { if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) pair = s; });
                const type = pair && pair.state === 'succeeded' ? stats.get(pair.localCandidateId)?.candidateType : null;
                if (type) return type;
                await new Promise(resolve => setTimeout(resolve, 200));
              }
              return null;
            }
            """);

    private async Task<IPage> NewCallPageAsync(TestFrontend frontend)
    {
        var page = await fixture.NewCallPageAsync(frontend);
        _pages.Add(page);
        return page;
    }
}
