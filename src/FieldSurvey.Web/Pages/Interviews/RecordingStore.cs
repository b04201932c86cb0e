using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using FieldSurvey.Core.Recordings;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>A stored recording file: the original's hash and format, and the copy browsers play.</summary>
public sealed record StoredAudio(string Sha256, long SizeBytes, AudioFormat Format, string PlayableSha256, string PlayableContentType, long DurationMs);

/// <summary>
/// Recording files on disk. An upload streams to a temporary file in the store's own folder (never whole into
/// memory), hashed as it goes; its first bytes decide the format; ffprobe reads the duration (a file it cannot
/// read is refused); AMR and 3GP are converted to Ogg Opus with ffmpeg; then each file is moved (same file system:
/// atomic) to &lt;folder&gt;/&lt;first two hex digits&gt;/&lt;sha256&gt;. A refusal deletes the temporary files, so nothing
/// is half-saved; the database row is written by the caller after this succeeds.
/// </summary>
public sealed class RecordingStore(IOptions<StorageOptions> options, IWebHostEnvironment env)
{
    /// <summary>English problem codes the page translates.</summary>
    public const string TooLarge = "The recording is larger than the limit.", Empty = "The file is empty.",
        NotAudio = "This file is not a recording FieldSurvey accepts (mp3, m4a, aac, wav, ogg/opus, amr, 3gp).",
        Unreadable = "This recording could not be read; it may be damaged.";

    StorageOptions Storage => options.Value;
    public long MaxBytes => Storage.MaxRecordingBytes;

    public string Folder => Storage.RecordingsFolder is { Length: > 0 } shared
        ? Path.GetFullPath(Path.Combine(env.ContentRootPath, shared))
        : Path.Combine(DatabaseSetup.DataFolder(Storage, env.ContentRootPath), "recordings");

    public string PathOf(string sha256) => Path.Combine(Folder, sha256[..2], sha256);

    public async Task<(StoredAudio? Stored, string? Problem)> StoreAsync(Stream body, CancellationToken ct)
    {
        var temp = Path.Combine(Folder, "incoming");
        Directory.CreateDirectory(temp);
        var original = Path.Combine(temp, Guid.NewGuid().ToString("N"));
        var converted = original + ".ogg";
        try
        {
            var (sha, size, head) = await CopyAsync(body, original, ct);
            if (size > MaxBytes) return (null, TooLarge);
            if (size == 0) return (null, Empty);
            if (AudioFormats.Sniff(head) is not { } format) return (null, NotAudio);
            if (await DurationAsync(original, ct) is not { } duration) return (null, Unreadable);
            var (playableSha, playableType) = (sha, format.ContentType);
            if (!format.Playable)
            {
                if (!await ConvertAsync(original, converted, ct)) return (null, Unreadable);
                await using (var read = File.OpenRead(converted)) playableSha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
                playableType = AudioFormats.Ogg.ContentType;
                Place(converted, playableSha);
            }
            Place(original, sha);
            return (new StoredAudio(sha, size, format, playableSha, playableType, duration), null);
        }
        finally
        {
            File.Delete(original);
            File.Delete(converted);
        }
    }

    /// <summary>Copies at most one byte more than the limit, so an endless body stops there.</summary>
    async Task<(string Sha, long Size, byte[] Head)> CopyAsync(Stream body, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[AudioFormats.HeaderLength];
        var headLength = 0;
        long size = 0;
        var buffer = new byte[81920];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, useAsync: true))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                var take = (int)Math.Min(read, MaxBytes + 1 - size);
                if (headLength < head.Length)
                {
                    var n = Math.Min(head.Length - headLength, take);
                    Array.Copy(buffer, 0, head, headLength, n);
                    headLength += n;
                }
                hash.AppendData(buffer, 0, take);
                await file.WriteAsync(buffer.AsMemory(0, take), ct);
                size += take;
                if (size > MaxBytes) break;
            }
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size, head[..headLength]);
    }

    void Place(string temp, string sha)
    {
        var target = PathOf(sha);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // The same content stored already (another part, another instance): keep the one there.
        if (File.Exists(target)) return;
        try { File.Move(temp, target); }
        catch (IOException) when (File.Exists(target)) { }
    }

    async Task<long?> DurationAsync(string path, CancellationToken ct)
    {
        var (code, output) = await RunAsync(Storage.FfprobePath, ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path], ct);
        return code == 0 && double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? (long)Math.Round(seconds * 1000) : null;
    }

    async Task<bool> ConvertAsync(string from, string to, CancellationToken ct) =>
        (await RunAsync(Storage.FfmpegPath, ["-v", "error", "-nostdin", "-y", "-i", from, "-vn", "-c:a", "libopus", "-b:a", "32k", "-f", "ogg", to], ct)).Code == 0
        && new FileInfo(to).Length > 0;

    static async Task<(int Code, string Output)> RunAsync(string program, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await errors;
        return (process.ExitCode, await output);
    }
}
