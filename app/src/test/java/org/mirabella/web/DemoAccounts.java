package org.mirabella.web;

/** The demo's analyst accounts, one per agency, as {@code mirabella demo} prints them. */
enum DemoAccounts {
  IT("analyst.it", "demo-it"),
  FR("analyst.fr", "demo-fr"),
  DE("analyst.de", "demo-de"),
  UK("analyst.uk", "demo-uk"),
  LY("analyst.ly", "demo-ly");

  private final String user;
  private final String password;

  DemoAccounts(String user, String password) {
    this.user = user;
    this.password = password;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }
}
