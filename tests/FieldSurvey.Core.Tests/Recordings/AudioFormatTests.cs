using System.Text;
using FieldSurvey.Core.Recordings;

namespace FieldSurvey.Core.Tests.Recordings;

public sealed class AudioFormatTests
{
    static byte[] Bytes(string ascii, params byte[] more) => [.. Encoding.ASCII.GetBytes(ascii), .. more, .. new byte[16]];

    [Fact]
    public void Formats_are_told_by_their_first_bytes()
    {
        Assert.Equal("amr", AudioFormats.Sniff(Bytes("#!AMR\n"))?.Code);
        Assert.Equal("ogg", AudioFormats.Sniff(Bytes("OggS"))?.Code);
        Assert.Equal("wav", AudioFormats.Sniff([.. Encoding.ASCII.GetBytes("RIFF"), 0x10, 0, 0, 0, .. Bytes("WAVE")])?.Code);
        Assert.Equal("mp3", AudioFormats.Sniff(Bytes("ID3", 4))?.Code);
        Assert.Equal("mp3", AudioFormats.Sniff([0xFF, 0xFB, 0x90, 0x64, .. new byte[12]])?.Code);
        Assert.Equal("aac", AudioFormats.Sniff([0xFF, 0xF1, 0x50, 0x80, .. new byte[12]])?.Code);
        Assert.Equal("m4a", AudioFormats.Sniff([0, 0, 0, 0x20, .. Bytes("ftypM4A ")])?.Code);
        Assert.Equal("3gp", AudioFormats.Sniff([0, 0, 0, 0x1c, .. Bytes("ftyp3gp4")])?.Code);
        Assert.False(AudioFormats.Amr.Playable);
        Assert.False(AudioFormats.ThreeGp.Playable);
    }

    [Fact]
    public void Documents_and_text_are_not_audio_whatever_their_name()
    {
        Assert.Null(AudioFormats.Sniff(Bytes("%PDF-1.7")));
        Assert.Null(AudioFormats.Sniff(Bytes("PK\x03\x04")));
        Assert.Null(AudioFormats.Sniff(Encoding.UTF8.GetBytes("受访者：这不是录音文件。")));
        Assert.Null(AudioFormats.Sniff([1, 2]));
    }
}
