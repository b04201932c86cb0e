using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FieldSurvey.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PassMark = table.Column<double>(type: "double precision", nullable: false),
                    Dimensions = table.Column<List<int>>(type: "integer[]", nullable: false),
                    ThemeIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    CreatedById = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TestId = table.Column<int>(type: "integer", nullable: false),
                    TranscriptId = table.Column<int>(type: "integer", nullable: false),
                    SourceSegmentId = table.Column<int>(type: "integer", nullable: true),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    Quote = table.Column<string>(type: "text", nullable: false),
                    LinkageTypeId = table.Column<int>(type: "integer", nullable: true),
                    PartnerLocationId = table.Column<int>(type: "integer", nullable: true),
                    PartnerKindId = table.Column<int>(type: "integer", nullable: true),
                    NatureId = table.Column<int>(type: "integer", nullable: true),
                    ThemeIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TestId = table.Column<int>(type: "integer", nullable: false),
                    CoderId = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ById = table.Column<string>(type: "text", nullable: false),
                    AtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TestId = table.Column<int>(type: "integer", nullable: false),
                    CoderId = table.Column<string>(type: "text", nullable: false),
                    TranscriptId = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    Quote = table.Column<string>(type: "text", nullable: false),
                    LinkageTypeId = table.Column<int>(type: "integer", nullable: true),
                    PartnerLocationId = table.Column<int>(type: "integer", nullable: true),
                    PartnerKindId = table.Column<int>(type: "integer", nullable: true),
                    NatureId = table.Column<int>(type: "integer", nullable: true),
                    ThemeIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    UpdatedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TestId = table.Column<int>(type: "integer", nullable: false),
                    CoderId = table.Column<string>(type: "text", nullable: false),
                    AssignedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
