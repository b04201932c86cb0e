using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FieldSurvey.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ThematicCodesAndMemos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Color",
                table: "Terms",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "Terms",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CodeGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodeGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Memos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: true),
                    TranscriptId = table.Column<int>(type: "integer", nullable: true),
                    FirmId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeletedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memos_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memos_Firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "Firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memos_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memos_Transcripts_TranscriptId",
                        column: x => x.TranscriptId,
                        principalTable: "Transcripts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SegmentThemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SegmentId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SegmentThemes_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SegmentThemes_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CodeGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CodeGroupId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodeGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodeGroupMembers_CodeGroups_CodeGroupId",
                        column: x => x.CodeGroupId,
                        principalTable: "CodeGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CodeGroupMembers_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemoLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemoId = table.Column<int>(type: "integer", nullable: false),
                    SegmentId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemoLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemoLinks_Memos_MemoId",
                        column: x => x.MemoId,
                        principalTable: "Memos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemoLinks_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Terms_ParentId",
                table: "Terms",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_CodeGroupMembers_CodeGroupId_TermId",
                table: "CodeGroupMembers",
                columns: new[] { "CodeGroupId", "TermId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CodeGroupMembers_TermId",
                table: "CodeGroupMembers",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_MemoLinks_MemoId_SegmentId",
                table: "MemoLinks",
                columns: new[] { "MemoId", "SegmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemoLinks_SegmentId",
                table: "MemoLinks",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Memos_AuthorId",
                table: "Memos",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Memos_FirmId",
                table: "Memos",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_Memos_TermId",
                table: "Memos",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_Memos_TranscriptId",
                table: "Memos",
                column: "TranscriptId");

            migrationBuilder.CreateIndex(
                name: "IX_SegmentThemes_SegmentId_TermId",
                table: "SegmentThemes",
                columns: new[] { "SegmentId", "TermId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SegmentThemes_TermId",
                table: "SegmentThemes",
                column: "TermId");

            migrationBuilder.AddForeignKey(
                name: "FK_Terms_Terms_ParentId",
                table: "Terms",
                column: "ParentId",
                principalTable: "Terms",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Terms_Terms_ParentId",
                table: "Terms");

            migrationBuilder.DropTable(
                name: "CodeGroupMembers");

            migrationBuilder.DropTable(
                name: "MemoLinks");

            migrationBuilder.DropTable(
                name: "SegmentThemes");

            migrationBuilder.DropTable(
                name: "CodeGroups");

            migrationBuilder.DropTable(
                name: "Memos");

            migrationBuilder.DropIndex(
                name: "IX_Terms_ParentId",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "Color",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Terms");
        }
    }
}
