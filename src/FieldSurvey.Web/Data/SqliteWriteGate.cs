using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FieldSurvey.Web.Data;

/// <summary>
/// One writer at a time per SQLite file, queued in the app rather than in the database. SQLite lets one connection write
/// while the others read (WAL); a second writer gets "busy", and Microsoft.Data.Sqlite then retries by putting its thread
/// to sleep for 150 ms at a time until the command timeout. Under twenty coders saving at once that turns a 5 ms write into
/// waits of hundreds of milliseconds, handed out in no particular order, with pool threads asleep. Here writers wait their
/// turn on an async semaphore instead: first come, first served, no thread held while waiting, and the database lock is
/// free by the time a writer gets it. PostgreSQL has concurrent writers of its own and no gate.
/// </summary>
/// <remarks>
/// <see cref="FieldSurveyDbContext.SaveChangesAsync(bool, CancellationToken)"/> takes the gate for its own transaction;
/// a handler that needs several saves in one transaction opens it with <see cref="BeginWriteAsync"/>, which takes the gate
/// first (never <c>Database.BeginTransactionAsync</c>: <c>WriteGateTests</c> looks for it). A second app process on the
/// same file (a tool, a second instance) is not queued here; it meets SQLite's own locking as before.
/// </remarks>
public static class SqliteWriteGate
{
    static readonly ConcurrentDictionary<string, FileGate> Gates = new(StringComparer.Ordinal);

    /// <summary>One file's gate, and when it was last handed on (for the hand-off histogram).</summary>
    internal sealed class FileGate
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public long ReleasedAt;
    }

    /// <summary>
    /// How long writers wait for the gate and hold it, and how many wait now: the meter <c>FieldSurvey.Data</c>, read with
    /// <c>dotnet-counters monitor --counters FieldSurvey.Data -p PID</c> (or any OpenTelemetry exporter) while coders save.
    /// </summary>
    internal static class Metrics
    {
        static readonly Meter Meter = new("FieldSurvey.Data");
        public static readonly Histogram<double> Wait = Meter.CreateHistogram<double>(
            "fieldsurvey.sqlite.write_gate.wait", "ms", "Time a writer waited for its SQLite file's write gate");
        public static readonly Histogram<double> Hold = Meter.CreateHistogram<double>(
            "fieldsurvey.sqlite.write_gate.hold", "ms", "Time a writer held the gate: its transaction, from first statement to commit");
        public static readonly Histogram<double> Handoff = Meter.CreateHistogram<double>(
            "fieldsurvey.sqlite.write_gate.handoff", "ms", "Time the gate stood free between one writer leaving and the next, already waiting, starting");
        public static readonly UpDownCounter<int> Waiting = Meter.CreateUpDownCounter<int>(
            "fieldsurvey.sqlite.write_gate.waiting", "{writer}", "Writers waiting for the gate now");
    }

    /// <summary>The gate of the database file behind <paramref name="db"/>, or null on PostgreSQL or in memory.</summary>
    internal static FileGate? For(DbContext db)
    {
        if (!db.Database.IsSqlite()) return null;
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return null;
        return Gates.GetOrAdd(Path.GetFullPath(file), _ => new FileGate());
    }

    /// <summary>
    /// Begins a transaction that writes: on SQLite after this file's earlier writers have finished (the gate is released
    /// when the transaction is disposed). Saves inside it do not queue again.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this FieldSurveyDbContext db, CancellationToken ct = default)
    {
        var held = await db.EnterWriteAsync(ct);
        try
        {
            return new GatedTransaction(await db.Database.BeginTransactionAsync(ct), held);
        }
        catch
        {
            if (held is not null) await held.DisposeAsync();
            throw;
        }
    }

    /// <summary>The transaction EF gave, with the gate released after it is disposed (and so rolled back if not committed).</summary>
    sealed class GatedTransaction(IDbContextTransaction inner, IAsyncDisposable? held) : IDbContextTransaction
    {
        public Guid TransactionId => inner.TransactionId;
        public void Commit() => inner.Commit();
        public Task CommitAsync(CancellationToken ct = default) => inner.CommitAsync(ct);
        public void Rollback() => inner.Rollback();
        public Task RollbackAsync(CancellationToken ct = default) => inner.RollbackAsync(ct);

        public void Dispose()
        {
            inner.Dispose();
            held?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            held = null;
        }

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            if (held is not null) await held.DisposeAsync();
            held = null;
        }
    }
}
