using Microsoft.Extensions.Time.Testing;

namespace FieldSurvey.Tests.Infrastructure;

/// <summary>
/// The one instant every test starts from, so no test depends on the day it runs (the demo's callbacks once
/// turned a translation test red when the calendar passed them). 2026-11-25 02:00 UTC is a Wednesday,
/// 10:00 in Beijing and 21:00 the evening before in Toronto: inside the small demo's call window
/// (16-18 Nov) and before its booked callback (27 Nov), as when those tests were written.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A fake clock at <see cref="Start"/> that moves one millisecond each time it is read (so two calls logged
    /// one after the other keep their order, as in life) and otherwise only when a test advances it.
    /// </summary>
    public static FakeTimeProvider New() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
}
