using System.Text;

namespace FieldSurvey.Tests.Recordings;

/// <summary>Small recordings made in code, so the tests need no audio tool but the app's own ffmpeg.</summary>
public static class TestAudio
{
    /// <summary>A mono 8 kHz 8-bit WAV of a 440 Hz tone (8,044 bytes a second).</summary>
    public static byte[] Wav(double seconds)
    {
        var samples = (int)(8000 * seconds);
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write(Encoding.ASCII.GetBytes("RIFF")); w.Write(36 + samples); w.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        w.Write(16); w.Write((short)1); w.Write((short)1); w.Write(8000); w.Write(8000); w.Write((short)1); w.Write((short)8);
        w.Write(Encoding.ASCII.GetBytes("data")); w.Write(samples);
        for (var i = 0; i < samples; i++) w.Write((byte)(128 + 60 * Math.Sin(2 * Math.PI * 440 * i / 8000)));
        return stream.ToArray();
    }

    /// <summary>An AMR-NB file as phones record it: the "#!AMR" header and 12.2 kbit/s frames of 20 ms each.</summary>
    public static byte[] Amr(double seconds)
    {
        var frames = (int)(seconds * 50);
        var frame = new byte[32];
        frame[0] = 0x3C;   // frame type 7 (12.2 kbit/s), quality bit set
        return [.. Encoding.ASCII.GetBytes("#!AMR\n"), .. Enumerable.Range(0, frames).SelectMany(_ => frame)];
    }
}
