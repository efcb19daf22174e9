using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>One user's page of the web client, driven through its data-testid hooks as a person would.</summary>
public sealed class ChatPage
{
    public const string Password = "correct-horse-battery-9";

    private readonly List<string> _pageErrors = [];
    private readonly List<string> _trace = [];

    /// <param name="page">A page in a browser context of its own.</param>
    /// <param name="name">Who uses it, for the trace.</param>
    public ChatPage(IPage page, string name)
    {
        Page = page;
        Name = name;
        page.PageError += (_, error) =>
        {
            lock (_pageErrors)
            {
                _pageErrors.Add(error);
            }

            Record($"page error: {error}");
        };
        page.Console += (_, message) =>
        {
            Record($"console.{message.Type}: {message.Text}");

            // Chromium: "Refused to … because it violates the following Content Security Policy directive";
            // Firefox: "Content-Security-Policy: The page's settings blocked …". Either is a bug of ours.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)
                || message.Text.Contains("Content-Security-Policy", StringComparison.Ordinal))
            {
                lock (_pageErrors)
                {
                    _pageErrors.Add($"CSP violation: {message.Text}");
                }
            }
        };
        page.WebSocket += (_, socket) =>
        {
            Record($"ws open {socket.Url.Split('?')[0]}");
            socket.FrameSent += (_, frame) => Record($"ws -> {frame.Text}");
            socket.FrameReceived += (_, frame) => Record($"ws <- {frame.Text}");
            socket.SocketError += (_, error) => Record($"ws error: {error}");
            socket.Close += (_, _) => Record("ws closed");
        };
    }

    public IPage Page { get; }

    public string Name { get; }

    /// <summary>
    /// Firefox over WebDriver BiDi sets a field's value in a way React does not see, so there the
    /// page types the text key by key, as a person would.
    /// </summary>
    private bool TypesKeys => Page.Context.Browser?.BrowserType.Name == "firefox";

    private Task EnterAsync(ILocator field, string text) => TypesKeys ? field.PressSequentiallyAsync(text) : field.FillAsync(text);

    /// <summary>Runs a test's steps; if they fail, prints what the pages logged and what went over their hub sockets.</summary>
    public static async Task RunAsync(ChatPage[] pages, Func<Task> steps)
    {
        try
        {
            await steps();
            foreach (var page in pages)
            {
                page.AssertNoPageErrors();
            }
        }
        catch
        {
            Console.WriteLine(string.Join(Environment.NewLine, pages.SelectMany(p => p.TraceLines()).Order(StringComparer.Ordinal)));
            throw;
        }
    }

    private void Record(string line)
    {
        lock (_trace)
        {
            _trace.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {Name,-6} {(line.Length > 400 ? line[..400] + "…" : line)}");
        }
    }

    private List<string> TraceLines()
    {
        lock (_trace)
        {
            return [.. _trace];
        }
    }

    public IBrowserContext Context => Page.Context;

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    public ILocator Messages => ByTestId("message");

    public ILocator MessageContents => ByTestId("message-content");

    /// <summary>This user's own messages (the ones with ticks).</summary>
    public ILocator OwnMessages => Page.Locator("[data-testid='message'][data-mine='true']");

    public ILocator ConversationItems => ByTestId("conversation-item");

    public ILocator TypingIndicator => ByTestId("typing-indicator");

    public ILocator ConnectionBanner => ByTestId("connection-banner");

    public ILocator Composer => ByTestId("composer-input");

    /// <summary>A unique valid username (3-32 of [a-z0-9_.]).</summary>
    public static string NewUsername(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 32)];

    /// <summary>Opens the client and fills in the sign-up form; <paramref name="beforeSubmit"/> runs with the form filled.</summary>
    public async Task SignUpAsync(string username, string displayName, Func<Task>? beforeSubmit = null)
    {
        await Page.GotoAsync("/");
        await ByTestId("show-signup").ClickAsync();
        await EnterAsync(ByTestId("signup-username"), username);
        await EnterAsync(ByTestId("signup-displayname"), displayName);
        await EnterAsync(ByTestId("signup-email"), $"{username}@example.test");
        await EnterAsync(ByTestId("signup-password"), Password);
        if (beforeSubmit is not null)
        {
            await beforeSubmit();
        }

        await ByTestId("signup-submit").ClickAsync();
        await Expect(ByTestId("current-user")).ToHaveTextAsync(displayName);
    }

    public async Task LogInAsync(string login, string expectedName)
    {
        await Page.GotoAsync("/");
        await EnterAsync(ByTestId("login-login"), login);
        await EnterAsync(ByTestId("login-password"), Password);
        await ByTestId("login-submit").ClickAsync();
        await Expect(ByTestId("current-user")).ToHaveTextAsync(expectedName);
    }

    /// <summary>Starts (or finds) a direct chat by username and waits until it is open with the peer's name as title.</summary>
    public async Task<string> StartDirectChatAsync(string username, string peerDisplayName)
    {
        await EnterAsync(ByTestId("new-direct-username"), username);
        await ByTestId("new-direct-submit").ClickAsync();
        await Expect(ByTestId("conversation-title")).ToHaveTextAsync(peerDisplayName);
        await Expect(Page).ToHaveURLAsync(new Regex("#/c/[0-9a-f-]{36}$"));
        return Page.Url[(Page.Url.LastIndexOf('/') + 1)..];
    }

    public ILocator ConversationItem(string conversationId) =>
        Page.Locator($"[data-testid='conversation-item'][data-conversation-id='{conversationId}']");

    /// <summary>Types into the composer (each key, as a person would) without sending.</summary>
    public Task TypeAsync(string text) => Composer.PressSequentiallyAsync(text);

    /// <summary>Types a message and sends it with Enter.</summary>
    public async Task SendAsync(string text)
    {
        await EnterAsync(Composer, text);
        await Composer.PressAsync("Enter");
        await Expect(Composer).ToHaveValueAsync("");
    }

    /// <summary>The message with this text (exactly one expected).</summary>
    public ILocator Message(string text) =>
        Messages.Filter(new LocatorFilterOptions { Has = Page.GetByTestId("message-content").GetByText(text, new() { Exact = true }) });

    /// <summary>The conversation shows exactly these messages, in this order, numbered 1..n with no gaps or duplicates.</summary>
    public async Task ExpectExactlyMessagesAsync(params string[] texts)
    {
        await Expect(MessageContents).ToHaveTextAsync(texts);
        await Expect(Messages).ToHaveCountAsync(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            await Expect(Messages.Nth(i)).ToHaveAttributeAsync("data-seq", (i + 1).ToString());
        }
    }

    /// <summary>Exactly as many elements as values, the i-th with the i-th value of the attribute.</summary>
    public static async Task ExpectAttributesAsync(ILocator locator, string attribute, params string[] values)
    {
        await Expect(locator).ToHaveCountAsync(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            await Expect(locator.Nth(i)).ToHaveAttributeAsync(attribute, values[i]);
        }
    }

    /// <summary>The settings screen (a modal dialog).</summary>
    public ILocator Settings => ByTestId("settings");

    /// <summary>Opens Settings from the sidebar header and waits until the profile has loaded into the form.</summary>
    public async Task OpenSettingsAsync()
    {
        await ByTestId("settings-open").ClickAsync();
        await Expect(Settings).ToBeVisibleAsync();
        await Expect(ByTestId("profile-displayname")).ToBeEnabledAsync();
    }

    /// <summary>Closes Settings with Escape; focus goes back to the button that opened it.</summary>
    public async Task CloseSettingsAsync()
    {
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Settings).ToHaveCountAsync(0);
        await Expect(ByTestId("settings-open")).ToBeFocusedAsync();
    }

    /// <summary>Signs in with a password and, when the form asks for it, an authenticator code.</summary>
    public async Task LogInWithCodeAsync(string login, string expectedName, Func<string> code)
    {
        await EnterAsync(ByTestId("login-login"), login);
        await EnterAsync(ByTestId("login-password"), Password);
        await ByTestId("login-submit").ClickAsync();
        await Expect(ByTestId("login-totp")).ToBeVisibleAsync();
        await Expect(ByTestId("form-error")).ToContainTextAsync("code");
        await EnterAsync(ByTestId("login-totp"), code());
        await ByTestId("login-submit").ClickAsync();
        await Expect(ByTestId("current-user")).ToHaveTextAsync(expectedName);
    }

    /// <summary>Opens the actions menu of the message with this text and picks an item by its test id.</summary>
    public async Task MessageActionAsync(string text, string actionTestId, string? emoji = null)
    {
        var message = Message(text);
        await message.GetByTestId("message-actions").ClickAsync();
        var item = message.GetByTestId(actionTestId);
        if (emoji is not null)
        {
            item = message.Locator($"[data-testid='{actionTestId}'][data-emoji='{emoji}']");
        }

        await item.ClickAsync();
        await Expect(message.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);
    }

    /// <summary>The reaction chip with this emoji under the message with this text.</summary>
    public ILocator Reaction(string text, string emoji) => Message(text).Locator($"[data-testid='reaction'][data-emoji='{emoji}']");

    /// <summary>A file a test drops into the page: its name, declared type and bytes.</summary>
    public sealed record DroppedFile(string Name, string ContentType, byte[] Bytes);

    /// <summary>
    /// Drags files over the open conversation and drops them, as the browser does for files from the
    /// desktop: real dragenter / dragover / drop events carrying a DataTransfer built in the page from the
    /// given bytes. The drop zone must show while they are dragged over.
    /// </summary>
    public async Task DropFilesAsync(params DroppedFile[] files)
    {
        var payload = files.Select(f => new { name = f.Name, type = f.ContentType, base64 = Convert.ToBase64String(f.Bytes) }).ToArray();
        await Page.EvaluateAsync(
            """
            files => {
              const transfer = new DataTransfer();
              for (const f of files) {
                const bytes = Uint8Array.from(atob(f.base64), c => c.charCodeAt(0));
                transfer.items.add(new File([bytes], f.name, { type: f.type }));
              }
              window.__droppedFiles = transfer;
              const target = document.querySelector('[data-testid="drop-target"]');
              target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
              target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
            }
            """,
            payload);
        await Expect(ByTestId("drop-zone")).ToBeVisibleAsync();
        await Page.EvaluateAsync(
            """
            () => {
              const target = document.querySelector('[data-testid="drop-target"]');
              target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: window.__droppedFiles }));
              delete window.__droppedFiles;
            }
            """);
        await Expect(ByTestId("drop-zone")).ToHaveCountAsync(0);
    }

    /// <summary>No uncaught exception or unhandled rejection happened in the page.</summary>
    public void AssertNoPageErrors()
    {
        lock (_pageErrors)
        {
            Assert.True(_pageErrors.Count == 0, "errors in the page: " + string.Join(" | ", _pageErrors));
        }
    }

    /// <summary>Saves a picture of the page to docs/images (no focus ring, no caret, animations finished, fonts loaded).</summary>
    public async Task ScreenshotAsync(string fileName)
    {
        await Page.EvaluateAsync("() => document.activeElement instanceof HTMLElement && document.activeElement.blur()");
        await Page.Mouse.MoveAsync(0, 0);
        // Web fonts (the emoji font) load when first needed: a picture taken before shows empty boxes.
        await Page.EvaluateAsync("() => document.fonts.ready");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ImagesDir, fileName),
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
    }
}
