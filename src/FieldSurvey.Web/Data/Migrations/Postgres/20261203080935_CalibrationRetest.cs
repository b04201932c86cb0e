using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldSurvey.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalibrationRetest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RetestEveryDays",
                table: "CalibrationTests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetestOfId",
                table: "CalibrationTests",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetestEveryDays",
                table: "CalibrationTests");

            migrationBuilder.DropColumn(
                name: "RetestOfId",
                table: "CalibrationTests");
        }
    }
}
