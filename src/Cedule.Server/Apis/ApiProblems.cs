using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cedule.Server.Apis;

/// <summary>Problem Details (RFC 9457) the API returns, each with a message a person can act on.</summary>
internal static class ApiProblems
{
    public static ProblemDetails NotFound(string what, object id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"No such {what}",
        Detail = $"There is no {what} '{id}'. List them to find the right identifier.",
    };

    public static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Already exists",
        Detail = detail,
    };

    public static ProblemDetails GitFailed(string detail) => new()
    {
        Status = StatusCodes.Status502BadGateway,
        Title = "The git remote could not be read",
        Detail = detail + " — check the project's remote URL, the branch name and the server's access to the remote.",
    };
}
