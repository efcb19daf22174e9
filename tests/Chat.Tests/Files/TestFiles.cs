using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using NetVips;

namespace Chat.Tests.Files;

/// <summary>Bytes for the tests: real small files, and the bad inputs the issue lists.</summary>
public static class TestFiles
{
    public static byte[] Png(int width = 40, int height = 30) => (Image.Black(width, height) + 90).Cast(Enums.BandFormat.Uchar).PngsaveBuffer();

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Executable() => [.. "MZ"u8, .. Random(4000)];

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] CorruptJpeg() => [0xFF, 0xD8, 0xFF, 0xE0, .. Random(3000)];

    public static byte[] CorruptMp4() => [0x00, 0x00, 0x00, 0x18, .. "ftypmp42"u8, 0, 0, 0, 0, .. "mp42isom"u8, .. Random(5000)];

    /// <summary>A PNG whose header claims <paramref name="width"/> x <paramref name="height"/> pixels (a decompression bomb's header; no pixel data).</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        var idat = Compress(new byte[1000]);
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    public static byte[] Random(int length)
    {
        var bytes = new byte[length];
        System.Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32([.. typeBytes, .. data]));
        return chunk;
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
