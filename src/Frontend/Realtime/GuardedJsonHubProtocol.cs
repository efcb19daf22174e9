using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Unicode;
using Chat.Errors;
using Chat.Frontend.Text;
using Chat.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Chat.Frontend.Realtime;

/// <summary>
/// The "json" hub protocol with the connection contract on top: each frame (up to
/// <see cref="Limits.MaxHubFrameBytes"/>) goes to SignalR's own <see cref="JsonHubProtocol"/>; an
/// invocation it cannot read or bind (too deep, <c>Infinity</c>, wrong types) is answered with a
/// <c>bad_request</c> hub error instead of closing the connection. Only a frame that is not SignalR
/// at all, or one over the limit, closes, with a code word in the close message's reason.
/// </summary>
internal sealed class GuardedJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private const byte RecordSeparator = 0x1e;

    private readonly JsonHubProtocol _inner = new(options);

    public string Name => _inner.Name;

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => _inner.TransferFormat;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        message = null;
        if (input.PositionOf(RecordSeparator) is not { } separator)
        {
            // Checked before the frame ends, so an endless one is refused at the limit, not buffered.
            return input.Length > Limits.MaxHubFrameBytes ? throw FrameTooLarge() : false;
        }

        var frame = input.Slice(0, separator);
        if (frame.Length > Limits.MaxHubFrameBytes)
        {
            throw FrameTooLarge();
        }

        var withSeparator = input.Slice(0, input.GetPosition(1, separator));
        input = input.Slice(withSeparator.End);
        if (!IsValidUtf8(frame))
        {
            throw new HubException($"{ErrorCodes.ProtocolError}: a frame is not valid UTF-8");
        }

        message = Parse(frame, withSeparator, binder);

        // Like the inner protocol: a frame of a message type from a later protocol version is consumed and dropped.
        return message is not null;
    }

    private HubMessage? Parse(ReadOnlySequence<byte> frame, ReadOnlySequence<byte> withSeparator, IInvocationBinder binder)
    {
        try
        {
            _inner.TryParseMessage(ref withSeparator, binder, out var parsed);
            return parsed is InvocationBindingFailureMessage failure
                ? Refused(failure.InvocationId, failure.Target, failure.BindingFailure.SourceException)
                : parsed;
        }
        catch (Exception ex)
        {
            return Unreadable(frame.IsSingleSegment ? frame.FirstSpan : frame.ToArray(), ex);
        }
    }

    /// <summary>An invocation is answered with an error if its header can be read; anything else closes.</summary>
    private static InvocationBindingFailureMessage Unreadable(ReadOnlySpan<byte> frame, Exception parseError)
    {
        if (!HubFrameHeader.TryRead(frame, out var header) || header.Type is not { } type)
        {
            throw new HubException($"{ErrorCodes.ProtocolError}: a frame is not a SignalR JSON message with a numeric type");
        }

        if (type is not (HubProtocolConstants.InvocationMessageType or HubProtocolConstants.StreamInvocationMessageType))
        {
            throw new HubException($"{ErrorCodes.ProtocolError}: a message of type {type} could not be read");
        }

        return Refused(header.InvocationId, header.Target ?? "", parseError);
    }

    private static InvocationBindingFailureMessage Refused(string? invocationId, string target, Exception error) =>
        new(invocationId, target, ExceptionDispatchInfo.Capture(new HubException(Reason(target, error))));

    private static string Reason(string target, Exception error)
    {
        if (Find<HubException>(error) is not null)
        {
            // The binder's only refusal: the method does not exist.
            return $"{ErrorCodes.NotFound}: no hub method '{target}'";
        }

        if (Find<UnstorableTextException>(error) is { } text)
        {
            return $"{ErrorCodes.BadRequest}: {HubArgumentNames.TextField(target, text.Field)} {TextRules.Refusal}";
        }

        if (Find<JsonException>(error) is { } json)
        {
            var at = json.Path is { } path ? $" (at {path})" : "";
            return json.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"{ErrorCodes.BadRequest}: the arguments of '{target}' are nested deeper than 64 levels"
                : $"{ErrorCodes.BadRequest}: the arguments of '{target}' are not valid JSON or do not match its parameters{at}";
        }

        return error is InvalidDataException
            ? $"{ErrorCodes.BadRequest}: {error.Message}"
            : $"{ErrorCodes.BadRequest}: the invocation of '{target}' could not be read";
    }

    // A text WebSocket has checked this already; binary WebSocket frames, long polling and server-sent events have not.
    private static bool IsValidUtf8(ReadOnlySequence<byte> frame)
    {
        if (frame.IsSingleSegment)
        {
            return Utf8.IsValid(frame.FirstSpan);
        }

        var length = (int)frame.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(copy);
            return Utf8.IsValid(copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static HubException FrameTooLarge() => new($"{ErrorCodes.TooLarge}: frame over {Limits.MaxHubFrameBytes / 1024 / 1024} MiB");

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
