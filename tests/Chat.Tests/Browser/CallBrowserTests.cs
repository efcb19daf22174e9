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
    /// <summary>The fixture's flags plus a fake camera and microphone that need no permission prompt.</summary>
    private static readonly string[] MediaArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
    ];

    private static readonly LocatorAssertionsToHaveAttributeOptions Connect = new() { Timeout = 20_000 };

    private IBrowser _browser = null!;

    public async Task InitializeAsync() =>
        _browser = await fixture.Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = MediaArgs,
        });

    public async Task DisposeAsync() => await _browser.CloseAsync();

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

    private async Task<(ChatPage Alice, ChatPage Bob)> TwoPeopleInADirectChatAsync(bool relay)
    {
        var alice = new ChatPage(await NewPageAsync(fixture.First), "alice");
        var bob = new ChatPage(await NewPageAsync(fixture.Second), "bob");
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
              const pc = [...window.chatGridPeers.values()][0];
              const stats = await pc.getStats();
              let pair = null;
              stats.forEach(s => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId); });
              if (!pair) stats.forEach(s => { if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) pair = s; });
              if (!pair || pair.state !== 'succeeded') return null;
              return stats.get(pair.localCandidateId)?.candidateType ?? null;
            }
            """);

    private async Task<IPage> NewPageAsync(TestFrontend frontend)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = frontend.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = ColorScheme.Light,
            Locale = "en-GB",
            TimezoneId = "UTC",
            Permissions = ["camera", "microphone"],
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
