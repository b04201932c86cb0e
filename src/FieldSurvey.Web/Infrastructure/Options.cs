using System.ComponentModel.DataAnnotations;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>Where the database is and which engine runs it (section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    /// <summary>"Sqlite" (default, one file) or "Postgres".</summary>
    [Required, RegularExpression("Sqlite|Postgres")] public string Provider { get; set; } = "Sqlite";
    /// <summary>Empty for SQLite means "fieldsurvey.db in the data folder".</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Where files live (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    /// <summary>Folder for the SQLite file and backups; relative paths are under the app's content root.</summary>
    [Required] public string DataFolder { get; set; } = "App_Data";
    /// <summary>Largest transcript or firm-import file accepted, in bytes (<see cref="UploadLimits"/>).</summary>
    [Range(1024, 1_073_741_824)] public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>Largest REFI-QDA project (.qdpx) accepted, in bytes.</summary>
    [Range(1024, 1_073_741_824)] public long MaxProjectUploadBytes { get; set; } = 50 * 1024 * 1024;
    /// <summary>Largest interview recording (one part) accepted, in bytes; 300 MB by default (a long call as WAV).</summary>
    [Range(1024, 4_294_967_296)] public long MaxRecordingBytes { get; set; } = 300L * 1024 * 1024;
    /// <summary>
    /// Folder of the recordings, by content hash; empty means "recordings" in the data folder. Several instances
    /// point it at one shared folder (docs/recordings.md).
    /// </summary>
    public string? RecordingsFolder { get; set; }
    /// <summary>Debian's ffmpeg and ffprobe (package ffmpeg): durations, and AMR/3GP converted for browsers.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";
    /// <summary>Folder holding the default study files; empty means "seed" beside the app.</summary>
    public string? SeedFolder { get; set; }
}

/// <summary>Demo mode (section "Demo"): demo accounts and data. Refused outside Development and Testing.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool Enabled { get; set; }
    public string Password { get; set; } = "Demo-2026!";
    /// <summary>Folder of the demo study's files; empty means <c>demo/</c> in the seed folder (the living demo). Tests point it at a fixed fixture.</summary>
    public string? Folder { get; set; }
}

/// <summary>Time zones (section "Time").</summary>
public sealed class TimeOptions
{
    public const string Section = "Time";
    /// <summary>The zone firms are in: call lists show times here as well as in the person's own zone.</summary>
    [Required] public string FirmTimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Zone given to new accounts until the person changes it.</summary>
    [Required] public string DefaultUserTimeZone { get; set; } = "Asia/Shanghai";
}

/// <summary>Running behind a reverse proxy (section "ReverseProxy").</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";
    /// <summary>Honour X-Forwarded-For/Proto/Host (client address, https) from the proxies listed below.</summary>
    public bool Enabled { get; set; }
    /// <summary>
    /// Addresses of the proxies to trust. Required when <see cref="Enabled"/>: headers from any other address
    /// are ignored, so nobody can claim https or another client address by sending the headers themselves.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>Transport security (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";
    /// <summary>
    /// Let cookies travel over plain HTTP outside Development (a trusted intranet without TLS). Off by default:
    /// every cookie is then marked Secure and the browser sends it over HTTPS only. Warned about at start-up.
    /// </summary>
    public bool AllowPlainHttp { get; set; }
}
