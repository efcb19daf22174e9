using System.Net;

namespace Chat.Tests.Infrastructure;

/// <summary>For conditions no event announces (a service coming back): poll with a deadline, fail with the last answer.</summary>
public static class Eventually
{
    public static async Task StatusAsync(HttpStatusCode expected, Func<Task<HttpResponseMessage>> probe, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        HttpStatusCode last;
        do
        {
            using var response = await probe();
            last = response.StatusCode;
            if (last == expected)
            {
                return;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"expected {expected} within the deadline, last answer was {last}");
    }

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not true within the deadline: {what}");
            await Task.Delay(20);
        }
    }
}
