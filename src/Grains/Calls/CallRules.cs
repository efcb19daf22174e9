using System.Text;
using Chat.Errors;

namespace Chat.Calls;

/// <summary>What call input must look like; checked at the hub and again in the grain.</summary>
public static class CallRules
{
    public static void ValidateSignal(string kind, string payload)
    {
        if (!CallSignalKinds.IsKnown(kind))
        {
            throw ChatException.BadRequest("kind must be offer, answer or ice");
        }

        if (string.IsNullOrEmpty(payload) || Encoding.UTF8.GetByteCount(payload) > Limits.MaxCallSignalPayloadBytes)
        {
            throw ChatException.BadRequest($"payload is required and at most {Limits.MaxCallSignalPayloadBytes} bytes");
        }
    }

    public static void ValidateReaction(string emoji)
    {
        if (string.IsNullOrWhiteSpace(emoji) || emoji.Length > Limits.MaxEmojiChars)
        {
            throw ChatException.BadRequest($"emoji is required and at most {Limits.MaxEmojiChars} characters");
        }
    }

    public static void ValidateDevice(CallDevice device)
    {
        if (device is null || string.IsNullOrEmpty(device.ConnectionId) || device.FrontendId == Guid.Empty)
        {
            throw ChatException.BadRequest("a call device needs its frontend and connection");
        }
    }
}
