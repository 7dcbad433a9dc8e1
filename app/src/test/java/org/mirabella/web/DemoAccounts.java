package org.mirabella.web;

/** Accounts the browser tests sign in with: analysts of several agencies and a DPO. */
enum DemoAccounts {
  IT("analyst.it", "IT", "ANALYST"),
  FR("analyst.fr", "FR", "ANALYST"),
  DE("analyst.de", "DE", "ANALYST"),
  UK("analyst.uk", "UK", "ANALYST"),
  LY("analyst.ly", "LY", "ANALYST"),
  IT_DPO("dpo.it", "IT", "DPO");

  private final String user;
  private final String agency;
  private final String role;

  DemoAccounts(String user, String agency, String role) {
    this.user = user;
    this.agency = agency;
    this.role = role;
  }

  String user() {
    return user;
  }

  String agency() {
    return agency;
  }

  String role() {
    return role;
  }

  String password() {
    return "web-test-" + user + "-pass";
  }
}
