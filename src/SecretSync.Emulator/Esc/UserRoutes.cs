namespace SecretSync.Emulator.Esc;

/// <summary>GET /api/user and /api/user/organizations/default: the ESC CLI calls them at login (reference §10.8).</summary>
internal static class UserRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/user", () => JsonReply.Send(new JsonObject
        {
            ["githubLogin"] = "emulator",
            ["name"] = "SecretSync Emulator",
            ["organizations"] = new JsonArray(new JsonObject { ["githubLogin"] = "emulator", ["name"] = "emulator" }),
        }));
        app.MapGet("/api/user/organizations/default", () => JsonReply.Send(new JsonObject { ["gitHubLogin"] = "emulator" }));
    }
}
