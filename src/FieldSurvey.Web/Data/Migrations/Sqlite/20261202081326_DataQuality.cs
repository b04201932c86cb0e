using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldSurvey.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataQualityRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Expression = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MessageEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MessageZh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQualityRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataQualityRules_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataQueries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InterviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: true),
                    QuestionIds = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MessageCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ArgsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToId = table.Column<string>(type: "TEXT", nullable: false),
                    RaisedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQueries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataQueries_AspNetUsers_AssignedToId",
                        column: x => x.AssignedToId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DataQueries_DataQualityRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "DataQualityRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DataQueries_Interviews_InterviewId",
                        column: x => x.InterviewId,
                        principalTable: "Interviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataQueryEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QueryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataQueryEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataQueryEvents_AspNetUsers_ById",
                        column: x => x.ById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DataQueryEvents_DataQueries_QueryId",
                        column: x => x.QueryId,
                        principalTable: "DataQueries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataQualityRules_CreatedById",
                table: "DataQualityRules",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_DataQueries_AssignedToId_Status",
                table: "DataQueries",
                columns: new[] { "AssignedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DataQueries_InterviewId_FindingKey",
                table: "DataQueries",
                columns: new[] { "InterviewId", "FindingKey" });

            migrationBuilder.CreateIndex(
                name: "IX_DataQueries_RuleId",
                table: "DataQueries",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_DataQueryEvents_ById",
                table: "DataQueryEvents",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_DataQueryEvents_QueryId",
                table: "DataQueryEvents",
                column: "QueryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataQueryEvents");

            migrationBuilder.DropTable(
                name: "DataQueries");

            migrationBuilder.DropTable(
                name: "DataQualityRules");
        }
    }
}
