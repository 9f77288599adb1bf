package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestConfigExample keeps config.example.yaml honest: loading it gives
// exactly the defaults, and it documents every key of Config.
func TestConfigExample(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	example := filepath.Join("..", "..", "config.example.yaml")
	got, _, err := loadConfig(example)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := loadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the example is not the defaults:\n got %+v\nwant %+v", got, want)
	}
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range configKeys(reflect.TypeOf(Config{}), "") {
		leaf := key[strings.LastIndex(key, ".")+1:]
		if !strings.Contains(string(text), leaf+":") {
			t.Errorf("config.example.yaml does not document %s", key)
		}
	}
}

// TestConfigEnvOverride checks the rule the example documents.
func TestConfigEnvOverride(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("ORDERDESK_DB_PATH", "/srv/desk.db")
	t.Setenv("ORDERDESK_SSH_MAX_SESSIONS", "7")
	c, _, err := loadConfig(filepath.Join("..", "..", "config.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.DB.Path != "/srv/desk.db" || c.SSH.MaxSessions != 7 {
		t.Errorf("environment did not win: %+v", c)
	}
}

// configKeys lists the dotted keys of a config struct.
func configKeys(typ reflect.Type, prefix string) []string {
	var out []string
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		key := prefix + f.Tag.Get("mapstructure")
		if f.Type.Kind() == reflect.Struct {
			out = append(out, configKeys(f.Type, key+".")...)
			continue
		}
		out = append(out, key)
	}
	return out
}

// TestOrderSeriesFromConfig: orders.* reach the engine, and a series
// that cannot number orders is refused when the desk opens.
func TestOrderSeriesFromConfig(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "desk.db")
	t.Setenv("ORDERDESK_ORDERS_SERIES", "XS{year}{city}-{seq}")
	t.Setenv("ORDERDESK_ORDERS_DIGITS", "5")
	e, err := (&globals{dbPath: db}).open(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if s := e.eng.OrderSeries(); s.Pattern != "XS{year}{city}-{seq}" || s.Digits != 5 || s.Province != "LN" {
		t.Errorf("series %+v", s)
	}
	e.close()
	t.Setenv("ORDERDESK_ORDERS_SERIES", "LN{city}NO.")
	if _, err := (&globals{dbPath: db}).open(t.Context()); err == nil || !strings.Contains(err.Error(), "{seq}") {
		t.Fatalf("a series with no {seq} opened: %v", err)
	}
}
