using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldSurvey.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportInputChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangedAtVersion",
                table: "Segments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "OtherChangedAt",
                table: "DataVersions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.UpdateData(
                table: "DataVersions",
                keyColumn: "Id",
                keyValue: 1,
                column: "OtherChangedAt",
                value: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Segments_ChangedAtVersion",
                table: "Segments",
                column: "ChangedAtVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Segments_ChangedAtVersion",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "ChangedAtVersion",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "OtherChangedAt",
                table: "DataVersions");
        }
    }
}
