using Chat.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Frontend.Errors;

/// <summary>Builds problem details with the project's stable <c>type</c> and <c>code</c>.</summary>
public static class Problems
{
    public static ProblemDetails Create(string code, int status, string detail)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://chatgrid.dev/problems/{code}",
            Title = code,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static IResult Result(string code, string detail) => TypedResults.Problem(Create(code, ErrorMapping.StatusOf(code), detail));

    public static IResult BadRequest(string detail) => Result(ErrorCodes.BadRequest, detail);
}
