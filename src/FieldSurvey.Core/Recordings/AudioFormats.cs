using System.Text;

namespace FieldSurvey.Core.Recordings;

/// <summary>An audio container FieldSurvey accepts, told by its first bytes, and whether browsers play it as it is.</summary>
public sealed record AudioFormat(string Code, string ContentType, string Extension, bool Playable);

/// <summary>
/// Tells an uploaded recording's format from its content, never from its name: call recorders name files
/// freely, and a renamed document must be refused. Formats are those phones and call recorders write.
/// AMR and 3GP (AMR inside) are not played by browsers and are converted; the original is kept.
/// </summary>
public static class AudioFormats
{
    public static readonly AudioFormat Mp3 = new("mp3", "audio/mpeg", ".mp3", true);
    public static readonly AudioFormat Mp4 = new("m4a", "audio/mp4", ".m4a", true);
    public static readonly AudioFormat Aac = new("aac", "audio/aac", ".aac", true);
    public static readonly AudioFormat Wav = new("wav", "audio/wav", ".wav", true);
    public static readonly AudioFormat Ogg = new("ogg", "audio/ogg", ".ogg", true);
    public static readonly AudioFormat Amr = new("amr", "audio/amr", ".amr", false);
    public static readonly AudioFormat ThreeGp = new("3gp", "audio/3gpp", ".3gp", false);

    public static readonly IReadOnlyList<AudioFormat> All = [Mp3, Mp4, Aac, Wav, Ogg, Amr, ThreeGp];

    public static AudioFormat? ByCode(string code) => All.FirstOrDefault(f => f.Code == code);

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 16;

    /// <returns>The format, or null when the bytes are not one of the accepted kinds of audio.</returns>
    public static AudioFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4) return null;
        var bytes = head.ToArray();
        string Ascii(int from, int length) => bytes.Length >= from + length ? Encoding.ASCII.GetString(bytes, from, length) : "";
        if (Ascii(0, 6) == "#!AMR\n" || Ascii(0, 9) == "#!AMR-WB\n") return Amr;
        if (Ascii(0, 4) == "OggS") return Ogg;
        if (Ascii(0, 4) == "RIFF" && Ascii(8, 4) == "WAVE") return Wav;
        if (Ascii(0, 3) == "ID3") return Mp3;
        if (Ascii(4, 4) == "ftyp") return Ascii(8, 3) == "3gp" || Ascii(8, 3) == "3g2" ? ThreeGp : Mp4;
        // An MPEG audio frame header: eleven set sync bits; layer bits 01 (III) for MP3, 00 for ADTS AAC.
        if (head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)
        {
            var layer = (head[1] >> 1) & 0x3;
            if (layer == 0 && (head[1] & 0xF6) == 0xF0) return Aac;
            if (layer != 0 && ((head[1] >> 3) & 0x3) != 1) return Mp3;
        }
        return null;
    }
}

/// <summary>What was said about recording the call, per interview; without <see cref="Yes"/> nothing is recorded or kept.</summary>
public enum RecordingConsent { NotAsked = 0, Yes = 1, No = 2 }

/// <summary>
/// One part of an interview's recording. The file lives in the data folder under its SHA-256 (so two instances
/// sharing the folder, or two uploads of one file, store it once); the browser-playable copy, where the original
/// needed converting, under its own hash. Deleted by the retention sweep: the row stays, the files go.
/// </summary>
public sealed class Recording : Entity
{
    public int InterviewId { get; set; }
    /// <summary>1, 2, …: the order of the parts of one call.</summary>
    public int Part { get; set; }
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>The copy browsers play: the original's hash, or the converted copy's.</summary>
    public required string PlayableSha256 { get; set; }
    public required string PlayableContentType { get; set; }
    public long DurationMs { get; set; }
    public DateTimeOffset UploadedAtUtc { get; set; }
    public string? UploadedById { get; set; }
    /// <summary>Set when the files were deleted (retention); the transcript is kept.</summary>
    public DateTimeOffset? DeletedAtUtc { get; set; }
}
