using Dashboard.Core.Privacy;

namespace Dashboard.Tests.Privacy;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("340104199003071234", "340104********1234")]
    [InlineData("E12345678", "*********")]
    [InlineData("", "")]
    public void Id_numbers_keep_the_first_six_and_last_four(string value, string expected) =>
        Assert.Equal(expected, PersonalDataMask.IdNumber(value));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0551-62001001", "055******1001")]
    public void Phones_keep_the_first_three_and_last_four(string value, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Phone(value));

    [Fact]
    public void Free_text_is_masked_wherever_an_id_or_mobile_appears()
    {
        var masked = PersonalDataMask.InText("patient 11010519491231002X called from 13812345678; invoice 2021120112345678901 kept");

        Assert.Equal("patient 110105********002X called from 138****5678; invoice 2021120112345678901 kept", masked);
    }
}
