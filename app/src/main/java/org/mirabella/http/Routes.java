package org.mirabella.http;

/** A feature's HTTP routes: handlers only translate (read parameters, call one core method, write JSON). */
public interface Routes {
  void register(Api api);
}
