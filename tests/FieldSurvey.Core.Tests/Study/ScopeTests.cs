using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Study;

public sealed class ScopeTests
{
    [Theory]
    [InlineData(1, LocationLevel.Park, 1, Scope.WithinCluster)]
    [InlineData(1, LocationLevel.Park, 2, Scope.CrossCluster)]
    [InlineData(1, LocationLevel.Metropolitan, null, Scope.Metropolitan)]
    [InlineData(1, LocationLevel.National, null, Scope.National)]
    [InlineData(1, LocationLevel.International, null, Scope.International)]
    public void Scope_is_read_from_the_focal_firms_park(int focal, LocationLevel level, int? partnerPark, Scope expected) =>
        Assert.Equal(expected, Scopes.Of(focal, level, partnerPark));
}
