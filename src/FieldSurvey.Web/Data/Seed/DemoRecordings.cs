using System.ComponentModel;
using System.Text.Json;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Recordings;
using FieldSurvey.Web.Pages.Interviews;

namespace FieldSurvey.Web.Data.Seed;

/// <summary>
/// The demo's recordings (demo/recordings/manifest.json, written with its Ogg Opus files by
/// <c>scripts/demo-recordings.sh</c>): each is stored through <see cref="RecordingStore"/> like an upload, so the
/// first run shows the player working, and its interview gets consent to record "yes", asked by its interviewer
/// when the interview was held.
/// </summary>
public static class DemoRecordings
{
    public static async Task LoadAsync(FieldSurveyDbContext db, RecordingStore store, SeedFiles files,
        IReadOnlyDictionary<string, (Interview Interview, Transcript Transcript)> byFile, ILogger logger, DateTimeOffset now)
    {
        const string Manifest = "recordings/manifest.json";
        if (!files.Exists(Manifest)) return;
        using var doc = JsonDocument.Parse(files.Text(Manifest));
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            var key = entry.GetProperty("transcript").GetString()!;
            var file = entry.GetProperty("file").GetString()!;
            var (interview, transcript) = byFile[key];
            Check(key, transcript.Text, entry.GetProperty("turns"));
            StoredAudio? stored;
            string? problem;
            try
            {
                await using var audio = File.OpenRead(files.Path("recordings/" + file));
                (stored, problem) = await store.StoreAsync(audio, CancellationToken.None);
            }
            catch (Win32Exception e)
            {
                // No ffprobe: the demo still loads, without its recordings (docs/recordings.md says to install ffmpeg).
                logger.LogWarning("Demo recordings skipped: {Problem} (install Debian's ffmpeg)", e.Message);
                return;
            }
            if (stored is null) throw new InvalidDataException($"Demo recording {file}: {problem}");
            interview.RecordingConsent = RecordingConsent.Yes;
            interview.RecordingConsentAtUtc = interview.ConsentAtUtc;
            interview.RecordingConsentById = interview.InterviewerId;
            db.Recordings.Add(new Recording
            {
                InterviewId = interview.Id, Part = 1, FileName = file, Format = stored.Format.Code, Sha256 = stored.Sha256,
                SizeBytes = stored.SizeBytes, PlayableSha256 = stored.PlayableSha256, PlayableContentType = stored.PlayableContentType,
                DurationMs = stored.DurationMs, UploadedAtUtc = now, UploadedById = interview.InterviewerId,
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The transcript's markers must be the manifest's times: rerunning generate-demo.cs rewrites the transcripts
    /// without them, and then demo-recordings.sh must run again.
    /// </summary>
    static void Check(string key, string text, JsonElement turns)
    {
        var lines = text.Split('\n');
        foreach (var turn in turns.EnumerateArray())
        {
            var (line, at) = (turn.GetProperty("line").GetInt32(), turn.GetProperty("at").GetInt32());
            if (line > lines.Length || TurnTimes.Leading(lines[line - 1]).At != TimeSpan.FromSeconds(at))
                throw new InvalidDataException($"Demo transcript {key}, line {line}: no [hh:mm:ss] marker for {at} s; run scripts/demo-recordings.sh.");
        }
    }
}
