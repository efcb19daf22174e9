namespace Chat.Frontend.Errors;

public static class ErrorSetup
{
    public static void AddChatErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Framework-made problems (404 from routing, 405, 415) get a code like ours.
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var code = context.ProblemDetails.Status switch
                {
                    401 => "unauthorized",
                    403 => "forbidden",
                    404 => "not_found",
                    413 => "too_large",
                    429 => "rate_limited",
                    >= 500 => "internal",
                    _ => "bad_request",
                };
                context.ProblemDetails.Extensions["code"] = code;
            }

            context.ProblemDetails.Extensions.Remove("traceId");
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
    }
}
