using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldSurvey.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuotasAndDoNotCall : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuotaTargetId",
                table: "CallAttempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DoNotCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FirmId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    RemovedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedById = table.Column<string>(type: "TEXT", nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoNotCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoNotCalls_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DoNotCalls_AspNetUsers_RemovedById",
                        column: x => x.RemovedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DoNotCalls_Firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "Firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuotaTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subsector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuotaTargets_Parks_ParkId",
                        column: x => x.ParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallAttempts_QuotaTargetId",
                table: "CallAttempts",
                column: "QuotaTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_DoNotCalls_ById",
                table: "DoNotCalls",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_DoNotCalls_FirmId",
                table: "DoNotCalls",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_DoNotCalls_Number",
                table: "DoNotCalls",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_DoNotCalls_RemovedById",
                table: "DoNotCalls",
                column: "RemovedById");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaTargets_ParkId_Subsector",
                table: "QuotaTargets",
                columns: new[] { "ParkId", "Subsector" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CallAttempts_QuotaTargets_QuotaTargetId",
                table: "CallAttempts",
                column: "QuotaTargetId",
                principalTable: "QuotaTargets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CallAttempts_QuotaTargets_QuotaTargetId",
                table: "CallAttempts");

            migrationBuilder.DropTable(
                name: "DoNotCalls");

            migrationBuilder.DropTable(
                name: "QuotaTargets");

            migrationBuilder.DropIndex(
                name: "IX_CallAttempts_QuotaTargetId",
                table: "CallAttempts");

            migrationBuilder.DropColumn(
                name: "QuotaTargetId",
                table: "CallAttempts");
        }
    }
}
