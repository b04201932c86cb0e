using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldSurvey.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Calibration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalibrationTests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PassMark = table.Column<double>(type: "REAL", nullable: false),
                    Dimensions = table.Column<string>(type: "TEXT", nullable: false),
                    ThemeIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationTests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationTests_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationGold",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TestId = table.Column<int>(type: "INTEGER", nullable: false),
                    TranscriptId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceSegmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Quote = table.Column<string>(type: "TEXT", nullable: false),
                    LinkageTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartnerLocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartnerKindId = table.Column<int>(type: "INTEGER", nullable: true),
                    NatureId = table.Column<int>(type: "INTEGER", nullable: true),
                    ThemeIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationGold", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationGold_CalibrationTests_TestId",
                        column: x => x.TestId,
                        principalTable: "CalibrationTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CalibrationGold_Transcripts_TranscriptId",
                        column: x => x.TranscriptId,
                        principalTable: "Transcripts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationOverrides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoderId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationOverrides_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CalibrationOverrides_AspNetUsers_CoderId",
                        column: x => x.CoderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CalibrationOverrides_CalibrationTests_TestId",
                        column: x => x.TestId,
                        principalTable: "CalibrationTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationSegments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoderId = table.Column<string>(type: "TEXT", nullable: false),
                    TranscriptId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Quote = table.Column<string>(type: "TEXT", nullable: false),
                    LinkageTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartnerLocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartnerKindId = table.Column<int>(type: "INTEGER", nullable: true),
                    NatureId = table.Column<int>(type: "INTEGER", nullable: true),
                    ThemeIds = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationSegments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationSegments_AspNetUsers_CoderId",
                        column: x => x.CoderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CalibrationSegments_CalibrationTests_TestId",
                        column: x => x.TestId,
                        principalTable: "CalibrationTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CalibrationSegments_Transcripts_TranscriptId",
                        column: x => x.TranscriptId,
                        principalTable: "Transcripts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationTakers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoderId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationTakers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationTakers_AspNetUsers_CoderId",
                        column: x => x.CoderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CalibrationTakers_CalibrationTests_TestId",
                        column: x => x.TestId,
                        principalTable: "CalibrationTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationGold_TestId_TranscriptId",
                table: "CalibrationGold",
                columns: new[] { "TestId", "TranscriptId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationGold_TranscriptId",
                table: "CalibrationGold",
                column: "TranscriptId");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationOverrides_ById",
                table: "CalibrationOverrides",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationOverrides_CoderId",
                table: "CalibrationOverrides",
                column: "CoderId");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationOverrides_TestId_CoderId",
                table: "CalibrationOverrides",
                columns: new[] { "TestId", "CoderId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationSegments_CoderId",
                table: "CalibrationSegments",
                column: "CoderId");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationSegments_TestId_CoderId_TranscriptId",
                table: "CalibrationSegments",
                columns: new[] { "TestId", "CoderId", "TranscriptId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationSegments_TranscriptId",
                table: "CalibrationSegments",
                column: "TranscriptId");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationTakers_CoderId",
                table: "CalibrationTakers",
                column: "CoderId");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationTakers_TestId_CoderId",
                table: "CalibrationTakers",
                columns: new[] { "TestId", "CoderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationTests_CreatedById",
                table: "CalibrationTests",
                column: "CreatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalibrationGold");

            migrationBuilder.DropTable(
                name: "CalibrationOverrides");

            migrationBuilder.DropTable(
                name: "CalibrationSegments");

            migrationBuilder.DropTable(
                name: "CalibrationTakers");

            migrationBuilder.DropTable(
                name: "CalibrationTests");
        }
    }
}
