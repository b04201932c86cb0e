namespace FieldSurvey.Core.Study;

/// <summary>A linkage's reach, seen from the focal firm's park (domain.md, "scope").</summary>
public enum Scope
{
    WithinCluster = 0,
    CrossCluster = 1,
    Metropolitan = 2,
    National = 3,
    International = 4,
}

public static class Scopes
{
    /// <summary>
    /// The scope of a linkage from a firm in <paramref name="focalParkId"/> to a partner at a location of
    /// <paramref name="level"/> (and, for park locations, <paramref name="partnerParkId"/>).
    /// </summary>
    public static Scope Of(int focalParkId, LocationLevel level, int? partnerParkId) => level switch
    {
        LocationLevel.Park when partnerParkId == focalParkId => Scope.WithinCluster,
        LocationLevel.Park => Scope.CrossCluster,
        LocationLevel.Metropolitan => Scope.Metropolitan,
        LocationLevel.National => Scope.National,
        _ => Scope.International,
    };
}
