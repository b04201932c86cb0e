using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FieldSurvey.Web.Data;

/// <summary>
/// SQLite cannot order or compare DateTimeOffset columns; store them as UTC ticks (long) so that
/// "callbacks due first" and date filters run in the database. All times are UTC anyway.
/// </summary>
static class SqliteConventions
{
    public static void Apply(ModelBuilder builder)
    {
        var converter = new DateTimeOffsetToBinaryConverter();
        foreach (var type in builder.Model.GetEntityTypes())
        foreach (var property in type.GetProperties())
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
                property.SetValueConverter(converter);
    }
}
