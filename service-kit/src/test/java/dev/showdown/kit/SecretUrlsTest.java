package dev.showdown.kit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretUrlsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis://127.0.0.1:6379                   | redis://127.0.0.1:6379",
      "redis://:s3cret@cache.internal:6380/2    | redis://:***@cache.internal:6380/2",
      "redis://alice:s3cret@cache:6379          | redis://alice:***@cache:6379",
      "redis://s3cret@cache:6379                | redis://:***@cache:6379",
      "rediss://:p@ss/w?rd@cache:6379           | rediss://:***@cache:6379",
      "redis://cache:6379?password=s3cret&db=1  | redis://cache:6379?password=***&db=1",
      "unix:///run/redis.sock?password=s3cret   | unix:///run/redis.sock?password=***",
      "http://me:s3cret@api/v1?x                | http://me:***@api/v1?x",
      "http://me:s3cret@[oops                   | http://me:***@[oops",
      "https://api.example.com/items            | https://api.example.com/items",
      "redis://cache?db=1&Password=s3cret#x     | redis://cache?db=1&Password=***",
      "redis//:s3cret@cache:6379                | redis//:***@cache:6379",
      "redis:s3cret@cache                       | redis:***@cache",
      "s3cret@cache                             | :***@cache",
      "not a url, no at sign                    | not a url, no at sign",
  })
  void aPrintedUrlShowsNoPassword(String url, String printed) {
    assertThat(SecretUrls.masked(url)).isEqualTo(printed);
  }
}
